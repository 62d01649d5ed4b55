import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionHash, type VersionContent } from '../../src/lib/server/decisions/index.ts';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf, makePackPaper } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import {
	makeItem,
	makeLiveMeeting,
	markPresent,
	newId,
	seat,
	storeWording,
	writeWording
} from '../support/record.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let officer: Client;
let chair: Client;
let reviewer: Client;
let nhs: Awaited<ReturnType<typeof makeMemberOf>>;
let tsi: Awaited<ReturnType<typeof makeMemberOf>>;
let community: Awaited<ReturnType<typeof makeMemberOf>>;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'rec');
	nhs = await makeMemberOf(server.db, fx, 'health');
	tsi = await makeMemberOf(server.db, fx, 'tsi');
	community = await makeMemberOf(server.db, fx, 'community');
	await server.db.membership.update({
		where: { id: tsi.membershipId },
		data: { delegatedAuthority: true }
	});
	for (const m of [nhs, tsi, community]) await seat(server.db, fx.bodies.board.id, m.membershipId);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
});
afterAll(() => server?.stop());

/**
 * A board meeting under way: the chair, NHS, third-sector and community members present (quorum 3), the
 * community member declared an interest in the item and withdrew, so three take part.
 */
async function arranged(wording: string | null = 'The board agrees the budget.') {
	const meeting = await makeLiveMeeting(server.db, fx);
	const item = await makeItem(server.db, meeting.id, 'Budget 2026/27', fx.organisations.council.id);
	await markPresent(
		server.db,
		meeting.id,
		[fx.members.MEMBER.membershipId, nhs.membershipId, tsi.membershipId, community.membershipId],
		fx.members.SECRETARIAT.userId
	);
	await server.db.declaration.create({
		data: {
			meetingId: meeting.id,
			agendaItemId: item.id,
			membershipId: community.membershipId,
			nature: 'Trustee of a funded group',
			action: 'WITHDREW',
			recordedById: fx.members.SECRETARIAT.userId
		}
	});
	if (wording !== null) await writeWording(server, officer.cookie, meeting.id, item.id, wording);
	return { meeting, item, path: `/api/v1/meetings/${meeting.id}/decisions` };
}

const consensus = (agendaItemId: string) => ({
	agendaItemId,
	outcome: 'AGREED',
	method: 'CONSENSUS'
});

/** What the hash covers, rebuilt from the API's answer, as an auditor outside the system could. */
function contentFrom(view: any): VersionContent {
	return {
		decisionId: view.id,
		version: view.version,
		wording: view.wording,
		outcome: view.outcome,
		method: view.method,
		votes: view.votes,
		dissent: view.dissent.map((d: any) => ({ membershipId: d.membershipId, reason: d.reason })),
		evidenceItemIds: view.evidence.map((e: any) => e.id),
		alternatives: view.alternatives,
		commitments: view.commitments.map((c: any) => ({
			organisationId: c.organisationId,
			membershipId: c.membershipId,
			text: c.text,
			withAuthority: c.withAuthority
		})),
		quorate: view.quorate,
		participants: view.participants.map((p: any) => p.membershipId),
		recordedById: view.recordedById,
		recordedAt: view.recordedAt,
		previousHash: view.previousHash
	};
}

describe('recording a decision', () => {
	it('freezes the wording in the server’s decision log into version 1 with its hash', async () => {
		const { meeting, item, path } = await arranged('The board agrees the budget for 2026/27.');
		const paper = await makePackPaper(server.db, meeting.id);
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await officer.post(path, {
			...consensus(item.id),
			evidenceItemIds: [paper.id],
			alternatives: 'A one-year freeze was considered.',
			dissent: [{ membershipId: nhs.membershipId, reason: 'Wants more for prevention' }]
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			version: 1,
			wording: 'The board agrees the budget for 2026/27.',
			outcome: 'AGREED',
			method: 'CONSENSUS',
			votes: null,
			previousHash: null,
			quorate: true,
			hashVerified: true,
			recordedById: fx.members.SECRETARIAT.userId,
			recordedByName: 'secretariat of rec',
			evidence: [{ id: paper.id, title: 'Performance report' }],
			dissent: [
				{
					membershipId: nhs.membershipId,
					organisationName: 'Health board (rec)',
					reason: 'Wants more for prevention'
				}
			],
			subjectToRatificationBy: []
		});
		expect(res.json.hash).toMatch(/^[0-9a-f]{64}$/);
		expect(decisionHash(contentFrom(res.json))).toBe(res.json.hash);
		expect(await written()).toBe(1);
	});

	it('counts only members present and not withdrawn as taking part, and a vote must add up to them', async () => {
		const { item, path } = await arranged();
		const wrong = await officer.post(path, {
			...consensus(item.id),
			method: 'VOTE',
			votes: { for: 3, against: 1, abstained: 0 }
		});
		expect(wrong.status).toBe(400);
		expect(wrong.json.error.fields.votes).toBe(
			'The votes add up to 4, but 3 members are present and eligible to vote'
		);
		const res = await chair.post(path, {
			...consensus(item.id),
			method: 'VOTE',
			votes: { for: 2, against: 1, abstained: 0 }
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json.votes).toEqual({ for: 2, against: 1, abstained: 0 });
		expect(res.json.participants.map((p: any) => p.membershipId).sort()).toEqual(
			[fx.members.MEMBER.membershipId, nhs.membershipId, tsi.membershipId].sort()
		);
	});

	it('a member who withdrew under a declaration cannot be recorded as dissenting', async () => {
		const { item, path } = await arranged();
		const written = await auditCounter(server.db);
		const res = await officer.post(path, {
			...consensus(item.id),
			dissent: [{ membershipId: community.membershipId, reason: 'Against' }]
		});
		expect(res.status).toBe(400);
		expect(res.json.error.fields['dissent.0.membershipId']).toMatch(/taking part/);
		expect(await server.db.decision.count({ where: { agendaItemId: item.id } })).toBe(0);
		expect(await written()).toBe(0);
	});

	it.each([
		['an unknown item', (_: string) => ({ agendaItemId: newId() }), 'agendaItemId'],
		['a vote without counts', () => ({ method: 'VOTE' }), 'votes'],
		['counts on a consensus', () => ({ votes: { for: 3, against: 0, abstained: 0 } }), 'votes'],
		[
			'a negative count',
			() => ({ method: 'VOTE', votes: { for: -1, against: 0, abstained: 4 } }),
			'votes.for'
		],
		['no outcome', () => ({ outcome: 'MAYBE' }), 'outcome'],
		[
			'a commitment by an unknown organisation',
			() => ({ commitments: [{ organisationId: newId(), text: 'Fund it' }] }),
			'commitments.0.organisationId'
		],
		[
			'a commitment by someone of another organisation',
			() => ({
				commitments: [
					{
						organisationId: fx.organisations.council.id,
						membershipId: nhs.membershipId,
						text: 'Fund it'
					}
				]
			}),
			'commitments.0.membershipId'
		],
		['evidence not in the pack', () => ({ evidenceItemIds: [newId()] }), 'evidenceItemIds']
	])('refuses %s with 400 on the field and writes nothing', async (_, change, field) => {
		const { item, path } = await arranged();
		const written = await auditCounter(server.db);
		const versions = await server.db.decisionVersion.count();
		const res = await officer.post(path, { ...consensus(item.id), ...change(item.id) });
		expect(res.status, res.text).toBe(400);
		expect(Object.keys(res.json.error.fields)).toContain(field);
		expect(await server.db.decisionVersion.count()).toBe(versions);
		expect(await written()).toBe(0);
	});

	it('refuses an item of another meeting, and an item with no wording in the decision log', async () => {
		const { path } = await arranged();
		const other = await arranged();
		const blank = await makeItem(server.db, other.meeting.id, 'Not yet drafted');
		const written = await auditCounter(server.db);
		const elsewhere = await officer.post(path, consensus(other.item.id));
		expect(elsewhere.status).toBe(400);
		expect(elsewhere.json.error.fields.agendaItemId).toBe(
			'Choose an item on this meeting’s agenda'
		);
		const empty = await officer.post(other.path, consensus(blank.id));
		expect(empty.status).toBe(400);
		expect(empty.json.error.fields.wording).toMatch(/no wording for this item/);
		await writeWording(server, officer.cookie, other.meeting.id, blank.id, '   ');
		expect(
			(await officer.post(other.path, consensus(blank.id))).json.error.fields.wording
		).toBeDefined();
		expect(await written()).toBe(0);
		expect(await server.db.decision.count({ where: { meetingId: other.meeting.id } })).toBe(0);
	});

	it('is for the chair and officers only, while the meeting is in progress, once per item', async () => {
		const { meeting, item, path } = await arranged();
		const nhsClient = await signedIn(server.url, nhs.email);
		expect((await nhsClient.post(path, consensus(item.id))).status).toBe(403);
		expect((await reviewer.post(path, consensus(item.id))).status).toBe(403);
		expect((await chair.post(path, consensus(item.id))).status).toBe(201);
		const again = await officer.post(path, consensus(item.id));
		expect(again.status).toBe(409);
		expect(again.json.error.message).toMatch(/amend it/);
		await server.db.meeting.update({ where: { id: meeting.id }, data: { status: 'CLOSED' } });
		const other = await makeItem(server.db, meeting.id, 'Later item');
		expect((await officer.post(path, consensus(other.id))).status).toBe(409);
	});
});

describe('quorum', () => {
	it('refuses with 409 and the counts when not quorate, and records quorate=false once the chair confirms', async () => {
		const meeting = await makeLiveMeeting(server.db, fx);
		const item = await makeItem(server.db, meeting.id, 'Small item');
		await markPresent(
			server.db,
			meeting.id,
			[fx.members.MEMBER.membershipId, nhs.membershipId],
			fx.members.SECRETARIAT.userId
		);
		await storeWording(server.db, meeting.id, { [item.id]: 'Noted.' });
		const path = `/api/v1/meetings/${meeting.id}/decisions`;
		const written = await auditCounter(server.db);
		const refused = await chair.post(path, consensus(item.id));
		expect(refused.status).toBe(409);
		expect(refused.json.error.code).toBe('not_quorate');
		expect(refused.json.error.message).toBe(
			'The meeting is not quorate: 2 voting members are present and the quorum is 3. Confirm to record the decision without a quorum.'
		);
		expect(await written()).toBe(0);
		const res = await chair.post(path, { ...consensus(item.id), proceedWithoutQuorum: true });
		expect(res.status, res.text).toBe(201);
		expect(res.json.quorate).toBe(false);
	});
});

describe('commitments', () => {
	it('by a representative without delegated authority make the decision subject to ratification', async () => {
		const { item, path } = await arranged();
		const res = await officer.post(path, {
			...consensus(item.id),
			commitments: [
				{
					organisationId: fx.organisations.health.id,
					membershipId: nhs.membershipId,
					text: 'Two nurses'
				},
				{ organisationId: fx.organisations.tsi.id, text: 'Volunteer drivers' }
			]
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json.commitments).toMatchObject([
			{
				organisationName: 'Health board (rec)',
				name: nhs.email.split('@')[0],
				withAuthority: false
			},
			{ organisationName: 'Voluntary action (rec)', membershipId: null, withAuthority: true }
		]);
		expect(res.json.subjectToRatificationBy).toEqual([
			{ organisationId: fx.organisations.health.id, name: 'Health board (rec)' }
		]);
	});
});

describe('versions are never changed', () => {
	it('an amendment is version 2 from the current wording, chained by hash; version 1 is unchanged', async () => {
		const { meeting, item, path } = await arranged('First wording.');
		const v1 = (await chair.post(path, consensus(item.id))).json;
		await writeWording(server, chair.cookie, meeting.id, item.id, 'Amended wording.');
		const res = await chair.post(`/api/v1/decisions/${v1.id}/versions`, {
			outcome: 'DEFERRED',
			method: 'CONSENSUS'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			id: v1.id,
			version: 2,
			wording: 'Amended wording.',
			outcome: 'DEFERRED',
			previousHash: v1.hash,
			hashVerified: true
		});
		const first = await reviewer.get(`/api/v1/decisions/${v1.id}/versions/1`);
		expect(first.json).toEqual(v1);
		const detail = await reviewer.get(`/api/v1/decisions/${v1.id}`);
		expect(detail.status).toBe(200);
		expect(detail.json.versions.map((v: any) => v.version)).toEqual([2, 1]);
		expect(detail.json.current.version).toBe(2);
		expect(detail.json.verified).toBe(true);
		expect(detail.json.item).toMatchObject({ id: item.id, title: 'Budget 2026/27' });
		expect((await reviewer.get(`/api/v1/decisions/${v1.id}/versions/3`)).status).toBe(404);
	});

	it('answers 405 to PUT, PATCH and DELETE of a decision or a version, and changes nothing', async () => {
		const { item, path } = await arranged();
		const v1 = (await officer.post(path, consensus(item.id))).json;
		for (const target of [`/api/v1/decisions/${v1.id}`, `/api/v1/decisions/${v1.id}/versions/1`]) {
			for (const method of ['PUT', 'PATCH', 'DELETE']) {
				const res = await officer.request(method, target, { wording: 'Tampered' });
				expect(res.status, `${method} ${target}`).toBe(405);
				expect(res.json.error.code).toBe('method_not_allowed');
			}
		}
		expect((await officer.get(`/api/v1/decisions/${v1.id}/versions/1`)).json).toEqual(v1);
	});

	it('the database refuses to update or delete a version even when asked directly', async () => {
		const { item, path } = await arranged();
		const v1 = (await officer.post(path, consensus(item.id))).json;
		await expect(
			server.db.decisionVersion.update({
				where: { id: v1.versionId },
				data: { wording: 'Tampered' }
			})
		).rejects.toThrow();
		await expect(
			server.db.decisionVersion.delete({ where: { id: v1.versionId } })
		).rejects.toThrow();
		await expect(
			server.db.$executeRawUnsafe(
				`UPDATE "DecisionVersion" SET "outcome" = 'REJECTED' WHERE "id" = $1`,
				v1.versionId
			)
		).rejects.toThrow(/append-only/);
		const stored = await server.db.decisionVersion.findUniqueOrThrow({
			where: { id: v1.versionId }
		});
		expect(stored.wording).toBe(v1.wording);
	});

	it('the hash verifies, and would not with any field changed', async () => {
		const { item, path } = await arranged();
		const v1 = (await officer.post(path, { ...consensus(item.id), alternatives: 'None' })).json;
		const content = contentFrom(v1);
		expect(decisionHash(content)).toBe(v1.hash);
		expect(decisionHash({ ...content, wording: content.wording + ' ' })).not.toBe(v1.hash);
		expect(decisionHash({ ...content, outcome: 'REJECTED' })).not.toBe(v1.hash);
		expect(decisionHash({ ...content, participants: content.participants.slice(1) })).not.toBe(
			v1.hash
		);
		// The order rows come back in does not matter.
		expect(decisionHash({ ...content, participants: [...content.participants].reverse() })).toBe(
			v1.hash
		);
	});
});

describe('the decisions register', () => {
	it('searches the latest versions by text, body, outcome, partner and date, newest first', async () => {
		const fy = await makePartnership(server.db, 'reg');
		const reg = await signedIn(server.url, fy.members.SECRETARIAT.email);
		const health = await makeMemberOf(server.db, fy, 'health');
		await seat(server.db, fy.bodies.board.id, health.membershipId);
		await seat(server.db, fy.bodies.theme.id, fy.members.MEMBER.membershipId);
		await seat(server.db, fy.bodies.theme.id, health.membershipId);
		const decide = async (
			bodyId: string,
			title: string,
			wording: string,
			extra: Record<string, unknown> = {},
			presenter: string | null = null
		) => {
			const meeting = await makeLiveMeeting(server.db, fy, { bodyId });
			const item = await makeItem(server.db, meeting.id, title, presenter);
			await markPresent(
				server.db,
				meeting.id,
				[fy.members.MEMBER.membershipId, health.membershipId],
				fy.members.SECRETARIAT.userId
			);
			await storeWording(server.db, meeting.id, { [item.id]: wording });
			const res = await reg.post(`/api/v1/meetings/${meeting.id}/decisions`, {
				...consensus(item.id),
				proceedWithoutQuorum: true,
				...extra
			});
			expect(res.status, res.text).toBe(201);
			return res.json.id as string;
		};
		const budget = await decide(fy.bodies.board.id, 'Budget', 'Agree the Budget for next year.');
		const transport = await decide(fy.bodies.board.id, 'Rural transport', 'Fund the bus pilot.', {
			outcome: 'DEFERRED',
			commitments: [{ organisationId: fy.organisations.tsi.id, text: 'Drivers' }]
		});
		const mental = await decide(
			fy.bodies.theme.id,
			'Mental health',
			'Note the report.',
			{
				outcome: 'NOTED',
				dissent: [{ membershipId: health.membershipId, reason: 'Too thin' }]
			},
			fy.organisations.community.id
		);
		const ids = async (query: string) => {
			const res = await reg.get(`/api/v1/partnerships/reg/decisions${query}`);
			expect(res.status, res.text).toBe(200);
			return res.json.map((d: any) => d.id);
		};
		expect(await ids('')).toEqual([mental, transport, budget]);
		expect(await ids('?q=budget')).toEqual([budget]);
		expect(await ids('?q=RURAL')).toEqual([transport]);
		expect(await ids(`?bodyId=${fy.bodies.theme.id}`)).toEqual([mental]);
		expect(await ids('?outcome=DEFERRED')).toEqual([transport]);
		expect(await ids(`?organisationId=${fy.organisations.tsi.id}`)).toEqual([transport]);
		expect(await ids(`?organisationId=${fy.organisations.health.id}`)).toEqual([mental]);
		expect(await ids(`?organisationId=${fy.organisations.community.id}`)).toEqual([mental]);
		const today = new Date().toISOString().slice(0, 10);
		expect(await ids(`?from=${today}&to=${today}`)).toHaveLength(3);
		expect(await ids('?to=2020-01-01')).toEqual([]);
		// The latest version is what is searched.
		const meetingId = (await server.db.decision.findUniqueOrThrow({ where: { id: budget } }))
			.meetingId;
		await reg.post(`/api/v1/decisions/${budget}/versions`, {
			outcome: 'REJECTED',
			method: 'CONSENSUS',
			proceedWithoutQuorum: true
		});
		expect(await ids('?outcome=AGREED')).toEqual([]);
		expect(await ids('?outcome=REJECTED')).toEqual([budget]);
		expect(meetingId).toBeTruthy();
		const bad = await reg.get('/api/v1/partnerships/reg/decisions?outcome=MAYBE&from=yesterday');
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.error.fields).sort()).toEqual(['from', 'outcome']);
		// Another partnership's register is not there.
		expect((await officer.get('/api/v1/partnerships/reg/decisions')).status).toBe(404);
	});
});
