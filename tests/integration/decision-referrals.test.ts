// A board decision can refer a matter to a named body: recorded with the decision as its own append-only
// row, shown on the decision's page and in the named body's "Referred to us" list, linked back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, makeLiveMeeting, markPresent, seat, storeWording } from '../support/record.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let officer: Client;
let chair: Client;
let observer: Client;
let outsider: Client;
let members: string[];

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'referral');
	other = await makePartnership(server.db, 'referralother');
	const people = [
		await makeMemberOf(server.db, fx, 'health'),
		await makeMemberOf(server.db, fx, 'tsi')
	];
	for (const p of people) await seat(server.db, fx.bodies.board.id, p.membershipId);
	members = [fx.members.MEMBER.membershipId, ...people.map((p) => p.membershipId)];
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
});
afterAll(() => server?.stop());

/** A quorate board meeting under way with one item whose wording is in the decision log. */
async function arranged(title: string) {
	const meeting = await makeLiveMeeting(server.db, fx);
	const item = await makeItem(server.db, meeting.id, title);
	await markPresent(server.db, meeting.id, members, fx.members.SECRETARIAT.userId);
	await storeWording(server.db, meeting.id, { [item.id]: `The board refers ${title}.` });
	return { meeting, item, path: `/api/v1/meetings/${meeting.id}/decisions` };
}

const decide = (agendaItemId: string, extra: Record<string, unknown> = {}) => ({
	agendaItemId,
	outcome: 'REFERRED',
	method: 'CONSENSUS',
	...extra
});

describe('a decision referring a matter to a named body', () => {
	it('is recorded with the decision, on its page and in the body’s “Referred to us” list', async () => {
		const { meeting, item, path } = await arranged('Winter gritting of school routes');
		const res = await chair.post(
			path,
			decide(item.id, {
				referTo: {
					bodyId: fx.bodies.theme.id,
					matter: 'Plan the gritting of walking routes to school with the forum.'
				}
			})
		);
		expect(res.status, res.text).toBe(201);
		const decisionId = res.json.id as string;
		const rows = await server.db.decisionReferral.findMany({ where: { decisionId } });
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			fromBodyId: fx.bodies.board.id,
			toBodyId: fx.bodies.theme.id,
			referredById: fx.members.MEMBER.userId
		});

		const list = await observer.get(`/api/v1/bodies/${fx.bodies.theme.id}/referrals`);
		expect(list.status).toBe(200);
		expect(list.json).toEqual([
			expect.objectContaining({
				decision: { id: decisionId, itemTitle: 'Winter gritting of school routes' },
				meeting: expect.objectContaining({ id: meeting.id }),
				fromBody: { id: fx.bodies.board.id, name: fx.bodies.board.name },
				toBody: { id: fx.bodies.theme.id, name: fx.bodies.theme.name },
				matter: 'Plan the gritting of walking routes to school with the forum.'
			})
		]);
		// The board itself has nothing referred to it.
		expect((await observer.get(`/api/v1/bodies/${fx.bodies.board.id}/referrals`)).json).toEqual([]);

		const detail = (await observer.get(`/api/v1/decisions/${decisionId}`)).json;
		expect(detail.referrals.map((r: { toBody: { id: string } }) => r.toBody.id)).toEqual([
			fx.bodies.theme.id
		]);

		const bodyPage = await observer.get(`/p/referral/bodies/${fx.bodies.theme.id}`);
		expect(bodyPage.status).toBe(200);
		expect(bodyPage.text).toContain('Referred to us');
		expect(bodyPage.text).toContain(
			'Plan the gritting of walking routes to school with the forum.'
		);
		expect(bodyPage.text).toContain(`href="/p/referral/decisions/${decisionId}"`);
		const decisionPage = await observer.get(`/p/referral/decisions/${decisionId}`);
		expect(decisionPage.text).toContain('Referred to other bodies');
		expect(decisionPage.text).toContain(`/p/referral/bodies/${fx.bodies.theme.id}#referred`);
	});

	it('is optional: a decision without one refers nothing', async () => {
		const { item, path } = await arranged('Library opening hours');
		const res = await chair.post(path, decide(item.id, { outcome: 'AGREED' }));
		expect(res.status, res.text).toBe(201);
		expect(await server.db.decisionReferral.count({ where: { decisionId: res.json.id } })).toBe(0);
	});

	it('needs the matter and another body of this partnership, and records nothing otherwise', async () => {
		const { item, path } = await arranged('Bus passes');
		const bad = [
			[{ bodyId: fx.bodies.theme.id }, 'referTo.matter'],
			[{ bodyId: fx.bodies.theme.id, matter: '  ' }, 'referTo.matter'],
			[{ matter: 'Look at it' }, 'referTo.bodyId'],
			[{ bodyId: fx.bodies.board.id, matter: 'Look at it' }, 'referTo.bodyId'],
			[{ bodyId: other.bodies.theme.id, matter: 'Look at it' }, 'referTo.bodyId']
		] as const;
		for (const [referTo, field] of bad) {
			const res = await chair.post(path, decide(item.id, { referTo }));
			expect(res.status, JSON.stringify(referTo)).toBe(400);
			expect(Object.keys(res.json.error.fields), JSON.stringify(referTo)).toContain(field);
		}
		expect(await server.db.decision.count({ where: { agendaItemId: item.id } })).toBe(0);
		expect(
			await server.db.decisionReferral.count({
				where: {
					partnershipId: fx.partnership.id,
					fromBodyId: fx.bodies.board.id,
					matter: 'Look at it'
				}
			})
		).toBe(0);
	});

	it('is the chair’s or the secretariat’s to record; the list is the partnership’s to read', async () => {
		const { item, path } = await arranged('Play parks');
		const body = decide(item.id, {
			referTo: { bodyId: fx.bodies.forum.id, matter: 'Ask parents' }
		});
		expect((await observer.post(path, body)).status).toBe(403);
		expect((await outsider.post(path, body)).status).toBe(404);
		expect((await outsider.get(`/api/v1/bodies/${fx.bodies.theme.id}/referrals`)).status).toBe(404);
		const res = await officer.post(path, body);
		expect(res.status, res.text).toBe(201);
		const list = (await chair.get(`/api/v1/bodies/${fx.bodies.forum.id}/referrals`)).json;
		expect(list.map((r: { matter: string }) => r.matter)).toEqual(['Ask parents']);
	});

	it('cannot be changed or deleted once recorded', async () => {
		const { item, path } = await arranged('Street lighting');
		const res = await chair.post(
			path,
			decide(item.id, { referTo: { bodyId: fx.bodies.theme.id, matter: 'Survey the lamps' } })
		);
		expect(res.status, res.text).toBe(201);
		const row = await server.db.decisionReferral.findFirstOrThrow({
			where: { decisionId: res.json.id }
		});
		await expect(
			server.db.decisionReferral.update({ where: { id: row.id }, data: { matter: 'Changed' } })
		).rejects.toThrow();
		await expect(server.db.decisionReferral.delete({ where: { id: row.id } })).rejects.toThrow();
	});
});

describe('the live console’s decision form', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.append(k, v);
		return data;
	};

	it('offers the referral, keeps what was typed when refused, and records it', async () => {
		const { meeting, item } = await arranged('Dog fouling on school routes');
		await server.db.meeting.update({
			where: { id: meeting.id },
			data: { currentItemId: item.id, currentItemAt: new Date() }
		});
		const page = `/p/referral/meetings/${meeting.id}/live`;
		const shown = await chair.get(page);
		expect(shown.status).toBe(200);
		expect(shown.text).toContain('Refer a matter to another body (optional)');
		const post = (fields: Record<string, string>) =>
			chair.request('POST', `${page}?/decide`, form(fields), {
				origin: server.url,
				accept: 'text/html'
			});
		const base = { agendaItemId: item.id, outcome: 'REFERRED', method: 'CONSENSUS' };
		const refused = await post({ ...base, 'referTo.bodyId': fx.bodies.theme.id });
		expect(refused.status).toBe(400);
		expect(refused.text).toMatch(new RegExp(`value="${fx.bodies.theme.id}"[^>]*selected`));
		expect(await server.db.decision.count({ where: { agendaItemId: item.id } })).toBe(0);
		const done = await post({
			...base,
			'referTo.bodyId': fx.bodies.theme.id,
			'referTo.matter': 'Ask the wardens to patrol the routes at drop-off'
		});
		expect(done.status, done.text.slice(0, 300)).toBe(200);
		const decision = await server.db.decision.findUniqueOrThrow({
			where: { agendaItemId: item.id },
			include: { referrals: true }
		});
		expect(decision.referrals.map((r) => r.matter)).toEqual([
			'Ask the wardens to patrol the routes at drop-off'
		]);
	});
});
