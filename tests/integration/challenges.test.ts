import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf, makePackPaper } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { makeItem, makeLiveMeeting, markPresent, newId, seat } from '../support/record.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let officer: Client;
let chair: Client;
let reviewer: Client;
let nhsClient: Client;
let nhs: Awaited<ReturnType<typeof makeMemberOf>>;
let absent: Awaited<ReturnType<typeof makeMemberOf>>;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'chal');
	other = await makePartnership(server.db, 'elsewhere');
	nhs = await makeMemberOf(server.db, fx, 'health');
	absent = await makeMemberOf(server.db, fx, 'tsi');
	await seat(server.db, fx.bodies.board.id, nhs.membershipId);
	await seat(server.db, fx.bodies.board.id, absent.membershipId);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
	nhsClient = await signedIn(server.url, nhs.email);
});
afterAll(() => server?.stop());

async function arranged() {
	const meeting = await makeLiveMeeting(server.db, fx);
	const item = await makeItem(server.db, meeting.id, 'Rural transport');
	await markPresent(
		server.db,
		meeting.id,
		[fx.members.MEMBER.membershipId, nhs.membershipId],
		fx.members.SECRETARIAT.userId
	);
	return { meeting, item, path: `/api/v1/meetings/${meeting.id}/challenges` };
}

describe('raising a challenge', () => {
	it('keeps who recorded it apart from who raised it: the officer records what the NHS member said', async () => {
		const { meeting, item, path } = await arranged();
		const paper = await makePackPaper(server.db, meeting.id);
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await officer.post(path, {
			agendaItemId: item.id,
			raisedByMembershipId: nhs.membershipId,
			directedToMembershipId: fx.members.MEMBER.membershipId,
			kind: 'EVIDENCE',
			text: 'The figures leave out the islands.',
			evidenceItemId: paper.id,
			quote: 'coverage is complete'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			meetingId: meeting.id,
			agendaItemId: item.id,
			itemTitle: 'Rural transport',
			raisedBy: {
				membershipId: nhs.membershipId,
				organisationName: 'Health board (chal)',
				sector: 'HEALTH'
			},
			directedTo: { membershipId: fx.members.MEMBER.membershipId, name: 'member of chal' },
			directedToOrganisation: { id: fx.organisations.council.id, name: 'Council (chal)' },
			target: 'EVIDENCE',
			evidenceItemId: paper.id,
			evidenceTitle: 'Performance report',
			quote: 'coverage is complete',
			kind: 'EVIDENCE',
			recordedById: fx.members.SECRETARIAT.userId,
			recordedByName: 'secretariat of chal',
			responses: [],
			status: null
		});
		expect(await written()).toBe(1);
	});

	it('a member raises their own (the default), and may not name someone else', async () => {
		const { item, path } = await arranged();
		const own = await nhsClient.post(path, {
			agendaItemId: item.id,
			kind: 'RESOURCES',
			text: 'Who pays for the drivers?'
		});
		expect(own.status, own.text).toBe(201);
		expect(own.json.raisedBy.membershipId).toBe(nhs.membershipId);
		expect(own.json.recordedById).toBe(nhs.userId);
		expect(own.json.target).toBe('DECISION');
		const written = await auditCounter(server.db);
		const forOther = await nhsClient.post(path, {
			agendaItemId: item.id,
			raisedByMembershipId: fx.members.MEMBER.membershipId,
			kind: 'RISK',
			text: 'Said by the chair'
		});
		expect(forOther.status).toBe(403);
		expect(
			(await reviewer.post(path, { agendaItemId: item.id, kind: 'RISK', text: 'x' })).status
		).toBe(403);
		expect(await written()).toBe(0);
	});

	it.each([
		['an unknown item', () => ({ agendaItemId: newId() }), 'agendaItemId'],
		[
			'someone not present',
			() => ({ raisedByMembershipId: absent.membershipId }),
			'raisedByMembershipId'
		],
		['a quote without a paper', () => ({ quote: 'a passage' }), 'quote'],
		['a paper of another meeting', () => ({ evidenceItemId: newId() }), 'evidenceItemId'],
		['an evidence target without a paper', () => ({ target: 'EVIDENCE' }), 'evidenceItemId'],
		[
			'another partnership’s organisation',
			() => ({ directedToOrganisationId: other.organisations.health.id }),
			'directedToOrganisationId'
		],
		[
			'another partnership’s member',
			() => ({ directedToMembershipId: other.members.MEMBER.membershipId }),
			'directedToMembershipId'
		],
		['no text', () => ({ text: '  ' }), 'text'],
		['an unknown kind', () => ({ kind: 'GRUMBLE' }), 'kind']
	])('refuses %s with 400 on the field and writes nothing', async (_, change, field) => {
		const { item, path } = await arranged();
		const written = await auditCounter(server.db);
		const before = await server.db.challenge.count();
		const res = await officer.post(path, {
			agendaItemId: item.id,
			raisedByMembershipId: nhs.membershipId,
			kind: 'ASSUMPTION',
			text: 'Why?',
			...change()
		});
		expect(res.status, res.text).toBe(400);
		expect(Object.keys(res.json.error.fields)).toContain(field);
		expect(await server.db.challenge.count()).toBe(before);
		expect(await written()).toBe(0);
	});

	it('refuses an item of another meeting, and a restricted paper the raiser’s recorder may not see', async () => {
		const { path } = await arranged();
		const second = await arranged();
		const elsewhere = await officer.post(path, {
			agendaItemId: second.item.id,
			kind: 'PROCESS',
			raisedByMembershipId: nhs.membershipId,
			text: 'Wrong item'
		});
		expect(elsewhere.status).toBe(400);
		expect(elsewhere.json.error.fields.agendaItemId).toBe(
			'Choose an item on this meeting’s agenda'
		);
		const restricted = await server.db.evidenceItem.create({
			data: {
				id: newId(),
				meetingId: second.meeting.id,
				title: 'Council only',
				confidentiality: 'RESTRICTED',
				allowedOrganisationIds: [fx.organisations.council.id]
			}
		});
		const unseen = await nhsClient.post(second.path, {
			agendaItemId: second.item.id,
			kind: 'EVIDENCE',
			text: 'What does it say?',
			evidenceItemId: restricted.id
		});
		expect(unseen.status).toBe(400);
		expect(unseen.json.error.fields.evidenceItemId).toBeDefined();
	});

	it('is refused with 409 unless the meeting is in progress', async () => {
		const { meeting, item, path } = await arranged();
		await server.db.meeting.update({
			where: { id: meeting.id },
			data: { status: 'AGENDA_ISSUED' }
		});
		const res = await chair.post(path, { agendaItemId: item.id, kind: 'RISK', text: 'Early' });
		expect(res.status).toBe(409);
	});
});

describe('responses', () => {
	it('are added, never replaced; the latest is the current answer, attributed like challenges', async () => {
		const { item, path } = await arranged();
		const raised = (
			await nhsClient.post(path, { agendaItemId: item.id, kind: 'EQUALITIES', text: 'Impact?' })
		).json;
		const respond = `/api/v1/challenges/${raised.id}/response`;
		const first = await officer.post(respond, {
			respondedByMembershipId: fx.members.MEMBER.membershipId,
			text: 'An impact assessment will follow.',
			status: 'ACTION_AGREED'
		});
		expect(first.status, first.text).toBe(201);
		expect(first.json.responses[0]).toMatchObject({
			respondedBy: { membershipId: fx.members.MEMBER.membershipId },
			recordedById: fx.members.SECRETARIAT.userId,
			status: 'ACTION_AGREED',
			effect: 'NONE'
		});
		const second = await chair.post(respond, {
			text: 'Assessment done; wording changed.',
			status: 'ANSWERED',
			effect: 'AMENDED'
		});
		expect(second.status).toBe(201);
		expect(second.json.responses).toHaveLength(2);
		expect(second.json).toMatchObject({ status: 'ANSWERED', effect: 'AMENDED' });
		expect(
			(
				await nhsClient.post(respond, {
					respondedByMembershipId: fx.members.MEMBER.membershipId,
					text: 'x',
					status: 'ANSWERED'
				})
			).status
		).toBe(403);
		const bad = await chair.post(respond, { text: 'x', status: 'SORT_OF' });
		expect(bad.status).toBe(400);
		expect(bad.json.error.fields.status).toBeDefined();
	});
});

describe('the challenge log', () => {
	it('lists a meeting’s challenges, by item when asked, for everyone in the partnership only', async () => {
		const { meeting, item, path } = await arranged();
		const second = await makeItem(server.db, meeting.id, 'Second item');
		await chair.post(path, { agendaItemId: item.id, kind: 'RISK', text: 'One' });
		await chair.post(path, { agendaItemId: second.id, kind: 'RISK', text: 'Two' });
		const all = await reviewer.get(path);
		expect(all.status).toBe(200);
		expect(all.json.map((c: any) => c.text)).toEqual(['One', 'Two']);
		const byItem = await reviewer.get(`${path}?agendaItemId=${second.id}`);
		expect(byItem.json.map((c: any) => c.text)).toEqual(['Two']);
		expect((await reviewer.get(`${path}?agendaItemId=nope`)).status).toBe(400);
		const outsider = await signedIn(server.url, other.members.ADMIN.email);
		expect((await outsider.get(path)).status).toBe(404);
	});
});
