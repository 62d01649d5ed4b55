// Schemes of delegation: officers write each body's scheme (versioned, append-only); a decision recorded
// outside its body's scheme (over its money limit, or touching a reserved matter) is flagged as needing the
// parent body's ratification, which is listed in the parent body's matters arising until recorded, and is
// recorded as a note that leaves the decision's hashed versions as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, makeLiveMeeting, storeWording } from '../support/record.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

const RESERVED = ['Changes to the Local Outcomes Improvement Plan', 'Staff restructuring'];

let server: TestServer;
let fx: Fixture;
let officer: Client;
let member: Client;
let boardMeetingId: string;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'dlg');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	member = await signedIn(server.url, fx.members.MEMBER.email);
	boardMeetingId = (
		await makeLiveMeeting(server.db, fx, {
			startsAt: new Date('2026-07-02T09:30:00Z'),
			status: 'AGENDA_ISSUED'
		})
	).id;
});
afterAll(() => server?.stop());

const scheme = (bodyId: string) => `/api/v1/bodies/${bodyId}/delegation`;
const writeScheme = (body: Record<string, unknown>, who: Client = officer) =>
	who.post(scheme(fx.bodies.theme.id), {
		mayDecide: 'Spending within the health and wellbeing budget',
		financialLimitPounds: 50000,
		reservedMatters: RESERVED,
		...body
	});

/**
 * Records a decision at a new meeting of the body (the theme group unless said), with what the recorder
 * says against the scheme.
 */
async function decide(title: string, delegation?: Record<string, unknown>, bodyId?: string) {
	const meetingId = (
		await makeLiveMeeting(server.db, fx, {
			bodyId: bodyId ?? fx.bodies.theme.id,
			startsAt: new Date('2026-06-04T09:30:00Z')
		})
	).id;
	const item = await makeItem(server.db, meetingId, title);
	await storeWording(server.db, meetingId, { [item.id]: `Agree ${title}.` });
	return officer.post(`/api/v1/meetings/${meetingId}/decisions`, {
		agendaItemId: item.id,
		outcome: 'AGREED',
		method: 'CONSENSUS',
		proceedWithoutQuorum: true,
		...(delegation ? { delegation } : {})
	});
}
const detail = async (decisionId: string) =>
	(await officer.get(`/api/v1/decisions/${decisionId}`)).json;

describe('a scheme of delegation', () => {
	it('is written by officers only, and refused whole when wrong', async () => {
		const before = await server.db.delegationScheme.count();
		expect((await writeScheme({}, member)).status).toBe(403);
		const bad = await writeScheme({ mayDecide: '', financialLimitPounds: -5 });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.error.fields).sort()).toEqual([
			'financialLimitPounds',
			'mayDecide'
		]);
		expect((await writeScheme({ reservedMatters: ['Same', 'Same'] })).status).toBe(400);
		expect(await server.db.delegationScheme.count()).toBe(before);
	});

	it('is versioned: each change a new version, the earlier kept with who wrote it', async () => {
		const first = await writeScheme({ financialLimitPounds: 25000 });
		expect(first.status, first.text).toBe(201);
		expect(first.json.current).toMatchObject({ version: 1, financialLimitPounds: 25000 });
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const second = await writeScheme({});
		expect(second.status).toBe(201);
		expect(await written()).toBe(1);
		const read = (await member.get(scheme(fx.bodies.theme.id))).json;
		expect(read.current).toMatchObject({
			version: 2,
			financialLimitPounds: 50000,
			reservedMatters: RESERVED,
			writtenByName: expect.any(String)
		});
		expect(read.parent).toEqual({ id: fx.bodies.board.id, name: fx.bodies.board.name });
		expect(read.earlier.map((v: { version: number }) => v.version)).toEqual([1]);
		await expect(server.db.delegationScheme.deleteMany({})).rejects.toThrow(/append-only/);

		const page = await member.get(`/p/dlg/bodies/${fx.bodies.theme.id}`);
		expect(page.text).toContain('Scheme of delegation');
		expect(page.text).toContain('£50,000 by one decision');
		expect(page.text).toContain('Staff restructuring');
		const none = await member.get(`/p/dlg/bodies/${fx.bodies.forum.id}`);
		expect(none.text).toContain('No scheme of delegation written');
	});
});

describe('a decision against its body’s scheme', () => {
	let overLimitId: string;

	it('within the scheme is not flagged', async () => {
		const res = await decide('the walking groups', { amountPounds: 20000 });
		expect(res.status, res.text).toBe(201);
		const d = await detail(res.json.id);
		expect(d.delegation).toMatchObject({
			outsideScheme: false,
			amountPounds: 20000,
			scheme: { version: 2, financialLimitPounds: 50000 },
			reasons: []
		});
		expect(d.ratifications).toEqual([]);
	});

	it('over the money limit is flagged for the parent body’s ratification', async () => {
		const res = await decide('the new clinic', { amountPounds: 60000 });
		expect(res.status, res.text).toBe(201);
		overLimitId = res.json.id;
		const d = await detail(overLimitId);
		expect(d.delegation.outsideScheme).toBe(true);
		expect(d.delegation.reasons).toEqual(['It commits £60,000, over the limit of £50,000']);
		expect(d.delegation.parentBody).toEqual({ id: fx.bodies.board.id, name: fx.bodies.board.name });
		expect(d.ratifications).toEqual([
			{
				owedBy: 'PARENT_BODY',
				organisationId: null,
				bodyId: fx.bodies.board.id,
				name: fx.bodies.board.name,
				ratified: null
			}
		]);
		const page = await member.get(`/p/dlg/decisions/${overLimitId}`);
		expect(page.text).toContain(`Pending: ratification by ${fx.bodies.board.name}`);
	});

	it('touching a reserved matter is flagged', async () => {
		const res = await decide('the restructure', {
			reservedMatters: ['Staff restructuring']
		});
		expect(res.status, res.text).toBe(201);
		const d = await detail(res.json.id);
		expect(d.delegation.outsideScheme).toBe(true);
		expect(d.delegation.reasons).toEqual(['Reserved matter: Staff restructuring']);
	});

	it('ticking a matter the scheme does not reserve is refused, and nothing is recorded', async () => {
		const before = await server.db.decision.count();
		const res = await decide('the bus pass', { reservedMatters: ['Anything'] });
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields)).toEqual(['delegation.reservedMatters']);
		expect(await server.db.decision.count()).toBe(before);
	});

	it('is checked from the live page’s decision form: the money and the ticked matters', async () => {
		const meeting = await makeLiveMeeting(server.db, fx, { bodyId: fx.bodies.theme.id });
		const item = await makeItem(server.db, meeting.id, 'the form');
		await storeWording(server.db, meeting.id, { [item.id]: 'Agree the form.' });
		const post = (fields: Record<string, string | string[]>) => {
			const form = new FormData();
			for (const [k, v] of Object.entries(fields))
				for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
			return officer.request('POST', `/p/dlg/meetings/${meeting.id}/live?/decide`, form, {
				origin: server.url,
				accept: 'text/html'
			});
		};
		const fields = {
			agendaItemId: item.id,
			outcome: 'AGREED',
			method: 'CONSENSUS',
			proceedWithoutQuorum: 'true'
		};
		const refused = await post({ ...fields, 'delegation.amountPounds': 'a lot' });
		expect(refused.status).toBe(400);
		expect(refused.text).toContain('must be a whole number');
		expect(await server.db.decision.count({ where: { meetingId: meeting.id } })).toBe(0);
		const done = await post({
			...fields,
			'delegation.amountPounds': '40000',
			'delegation.reservedMatters': [RESERVED[1]]
		});
		expect(done.status, done.text).toBe(200);
		const decision = await server.db.decision.findFirstOrThrow({
			where: { meetingId: meeting.id }
		});
		expect((await detail(decision.id)).delegation).toMatchObject({
			amountPounds: 40000,
			reservedMatters: [RESERVED[1]],
			outsideScheme: true
		});
	});

	it('of a body with no scheme written is shown as such, not flagged', async () => {
		const res = await decide('the litter pick', { amountPounds: 900000 }, fx.bodies.forum.id);
		expect(res.status, res.text).toBe(201);
		const d = await detail(res.json.id);
		expect(d.delegation).toMatchObject({ scheme: null, outsideScheme: false });
		expect(d.ratifications).toEqual([]);
		const page = await member.get(`/p/dlg/decisions/${res.json.id}`);
		expect(page.text).toContain('No scheme of delegation was written for');
	});

	it('is listed in the parent body’s next meeting until its ratification is recorded', async () => {
		const matters = await member.get(`/p/dlg/meetings/${boardMeetingId}`);
		expect(matters.text).toContain('Ratifications still owed');
		expect(matters.text).toContain('outside its scheme of delegation');
		expect(matters.text).toContain('the new clinic');
	});

	it('is ratified by the parent body as a note: the hash still verifies, and it is pending no more', async () => {
		const before = await detail(overLimitId);
		const ratify = (body: Record<string, unknown>, who: Client = officer) =>
			who.post(`/api/v1/decisions/${overLimitId}/ratifications`, {
				ratifiedOn: '2026-06-20',
				ratifiedBy: `${fx.bodies.board.name}, meeting of 20 June`,
				reference: 'PB/26/14',
				...body
			});
		expect((await ratify({ bodyId: fx.bodies.board.id }, member)).status).toBe(403);
		const wrongBody = await ratify({ bodyId: fx.bodies.forum.id });
		expect(wrongBody.json.error.fields).toEqual({
			bodyId: 'This decision is not subject to ratification by that body'
		});
		const both = await ratify({
			bodyId: fx.bodies.board.id,
			organisationId: fx.organisations.council.id
		});
		expect(Object.keys(both.json.error.fields)).toEqual(['organisationId']);
		await expect(
			server.db.ratification.create({
				data: {
					decisionId: overLimitId,
					ratifiedOn: new Date('2026-06-20'),
					ratifiedBy: 'Nobody',
					reference: '',
					recordedById: fx.members.SECRETARIAT.userId,
					recordedAt: new Date()
				}
			})
		).rejects.toThrow(/Ratification_partner_or_body/);

		const res = await ratify({ bodyId: fx.bodies.board.id });
		expect(res.status, res.text).toBe(201);
		const after = await detail(overLimitId);
		expect(after.verified).toBe(true);
		expect(after.versions.map((v: { hash: string }) => v.hash)).toEqual(
			before.versions.map((v: { hash: string }) => v.hash)
		);
		expect(after.ratifications[0].ratified).toMatchObject({
			on: '2026-06-20',
			reference: 'PB/26/14'
		});
		expect((await ratify({ bodyId: fx.bodies.board.id })).json.error.fields.bodyId).toContain(
			'already recorded'
		);
		const page = await member.get(`/p/dlg/decisions/${overLimitId}`);
		expect(page.text).not.toContain('Pending: ratification by');
		const matters = await member.get(`/p/dlg/meetings/${boardMeetingId}`);
		expect(matters.text).not.toContain('the new clinic');
		await expect(server.db.delegationCheck.deleteMany({})).rejects.toThrow(/append-only/);
	});
});
