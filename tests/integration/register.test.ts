// The register's reading side: challenges listed on the paper they target (API), and the register pages as
// a signed-in person gets them: search, a decision under another partnership's address, who is offered
// the action status form and that the form obeys the same rule as the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
	storeWording
} from '../support/record.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let officer: Client;
let chair: Client;
let reviewer: Client;
let nhsClient: Client;
let outsider: Client;
let nhs: Awaited<ReturnType<typeof makeMemberOf>>;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'reg');
	other = await makePartnership(server.db, 'regother');
	nhs = await makeMemberOf(server.db, fx, 'health');
	await seat(server.db, fx.bodies.board.id, nhs.membershipId);
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	chair = await signedIn(server.url, fx.members.MEMBER.email);
	reviewer = await signedIn(server.url, fx.members.REVIEWER.email);
	nhsClient = await signedIn(server.url, nhs.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
});
afterAll(() => server?.stop());

async function live(title = 'Rural transport') {
	const meeting = await makeLiveMeeting(server.db, fx);
	const item = await makeItem(server.db, meeting.id, title);
	await markPresent(
		server.db,
		meeting.id,
		[fx.members.MEMBER.membershipId, nhs.membershipId],
		fx.members.SECRETARIAT.userId
	);
	return { meeting, item };
}

async function challenge(meetingId: string, agendaItemId: string, extra: object) {
	const res = await officer.post(`/api/v1/meetings/${meetingId}/challenges`, {
		agendaItemId,
		raisedByMembershipId: nhs.membershipId,
		kind: 'EVIDENCE',
		text: 'The figures leave out the islands.',
		...extra
	});
	expect(res.status, res.text).toBe(201);
	return res.json;
}

describe('GET /api/v1/meetings/{id}/evidence/{itemId}/challenges', () => {
	it('lists the challenges aimed at that paper, with their responses, and no others', async () => {
		const { meeting, item } = await live();
		const paper = await makePackPaper(server.db, meeting.id);
		const otherPaper = await makePackPaper(server.db, meeting.id);
		const first = await challenge(meeting.id, item.id, {
			evidenceItemId: paper.id,
			quote: 'coverage is complete'
		});
		const second = await challenge(meeting.id, item.id, {
			evidenceItemId: paper.id,
			kind: 'ASSUMPTION',
			text: 'Growth is assumed'
		});
		await challenge(meeting.id, item.id, { evidenceItemId: otherPaper.id });
		await challenge(meeting.id, item.id, { kind: 'PROCESS', text: 'Not on a paper' });
		const answered = await officer.post(`/api/v1/challenges/${first.id}/response`, {
			respondedByMembershipId: fx.members.MEMBER.membershipId,
			text: 'The islands are in annex B.',
			status: 'ANSWERED'
		});
		expect(answered.status, answered.text).toBe(201);

		const res = await nhsClient.get(
			`/api/v1/meetings/${meeting.id}/evidence/${paper.id}/challenges`
		);
		expect(res.status, res.text).toBe(200);
		expect(res.json.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
		expect(res.json[0]).toMatchObject({
			evidenceItemId: paper.id,
			evidenceTitle: 'Performance report',
			quote: 'coverage is complete',
			status: 'ANSWERED',
			responses: [{ text: 'The islands are in annex B.', status: 'ANSWERED' }]
		});
		expect(res.json[1]).toMatchObject({ kind: 'ASSUMPTION', status: null, responses: [] });
	});

	it('answers 404 for a restricted paper to those who may not see it, and lists it for those who may', async () => {
		const { meeting, item } = await live();
		const restricted = await server.db.evidenceItem.create({
			data: {
				id: newId(),
				meetingId: meeting.id,
				title: 'Council only',
				confidentiality: 'RESTRICTED',
				allowedOrganisationIds: [fx.organisations.council.id]
			}
		});
		await server.db.challenge.create({
			data: {
				meetingId: meeting.id,
				agendaItemId: item.id,
				raisedByMembershipId: fx.members.MEMBER.membershipId,
				target: 'EVIDENCE',
				evidenceItemId: restricted.id,
				quote: 'a confidential figure',
				kind: 'RESOURCES',
				text: 'Is the budget there?',
				recordedById: fx.members.MEMBER.userId
			}
		});
		const path = `/api/v1/meetings/${meeting.id}/evidence/${restricted.id}/challenges`;
		const seen = await chair.get(path);
		expect(seen.status).toBe(200);
		expect(seen.json).toHaveLength(1);
		expect(seen.json[0].quote).toBe('a confidential figure');
		const refused = await nhsClient.get(path);
		expect(refused.status).toBe(404);
		expect(refused.text).not.toContain('confidential');
		expect(refused.text).not.toContain('budget');
	});

	it('answers 404 for a paper of another meeting put under this meeting, and to another partnership', async () => {
		const { meeting } = await live();
		const second = await live();
		const paper = await makePackPaper(server.db, second.meeting.id);
		expect(
			(await chair.get(`/api/v1/meetings/${meeting.id}/evidence/${paper.id}/challenges`)).status
		).toBe(404);
		const own = `/api/v1/meetings/${second.meeting.id}/evidence/${paper.id}/challenges`;
		expect((await chair.get(own)).status).toBe(200);
		expect((await outsider.get(own)).status).toBe(404);
		expect(
			(await chair.get(`/api/v1/meetings/${meeting.id}/evidence/${newId()}/challenges`)).status
		).toBe(404);
	});
});

/** A decision on a new item, with wording, recorded by the officer; returns its ids. */
async function decided(title: string, wording: string) {
	const { meeting, item } = await live(title);
	await storeWording(server.db, meeting.id, { [item.id]: wording });
	const res = await officer.post(`/api/v1/meetings/${meeting.id}/decisions`, {
		agendaItemId: item.id,
		outcome: 'AGREED',
		method: 'CONSENSUS',
		proceedWithoutQuorum: true
	});
	expect(res.status, res.text).toBe(201);
	return { meeting, item, decisionId: res.json.id as string };
}

/** Posts a page's form as a browser would (same-origin, form-encoded). */
function postForm(client: Client, path: string, fields: Record<string, string>) {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	return client.request('POST', path, form, { origin: server.url, accept: 'text/html' });
}

describe('register pages', () => {
	let ferry: Awaited<ReturnType<typeof decided>>;
	let healthAction: string;
	let councilAction: string;
	beforeAll(async () => {
		ferry = await decided('Ferry timetable', 'Extend the winter ferry pilot.');
		await decided('Youth hub', 'Open the youth hub on Saturdays.');
		const add = (owner: string, text: string) =>
			officer.post(`/api/v1/decisions/${ferry.decisionId}/actions`, {
				text,
				ownerOrganisationId: owner,
				dueOn: '2020-01-31'
			});
		healthAction = (await add(fx.organisations.health.id, 'Health board reports uptake')).json.id;
		councilAction = (await add(fx.organisations.council.id, 'Council books the ferry')).json.id;
	});

	it('the register search narrows the list and keeps what was asked in the form', async () => {
		const all = await reviewer.get('/p/reg/decisions');
		expect(all.status).toBe(200);
		expect(all.text).toContain('Ferry timetable');
		expect(all.text).toContain('Youth hub');
		const found = await reviewer.get('/p/reg/decisions?q=ferry');
		expect(found.text).toContain('Ferry timetable');
		expect(found.text).not.toContain('Youth hub');
		expect(found.text).toMatch(/1 decision found/);
		expect(found.text).toMatch(/name="q"[^>]*value="ferry"|value="ferry"[^>]*name="q"/);
		const bad = await reviewer.get('/p/reg/decisions?from=yesterday');
		expect(bad.status).toBe(200);
		expect(bad.text).toContain('Enter a date, for example 2026-07-01');
	});

	it('a decision is found only under its own partnership’s address', async () => {
		const own = await nhsClient.get(`/p/reg/decisions/${ferry.decisionId}`);
		expect(own.status).toBe(200);
		expect(own.text).toContain('Extend the winter ferry pilot.');
		expect(own.text).toContain('Current wording (version 1)');
		// A person in both partnerships still may not read it under the other's slug.
		await server.db.membership.create({
			data: {
				partnershipId: other.partnership.id,
				userId: fx.members.REVIEWER.userId,
				organisationId: other.organisations.council.id,
				role: 'MEMBER'
			}
		});
		expect((await reviewer.get(`/p/regother/decisions/${ferry.decisionId}`)).status).toBe(404);
		expect((await outsider.get(`/p/regother/decisions/${ferry.decisionId}`)).status).toBe(404);
	});

	it('offers the status form only where updateAction allows it, and the form obeys the same rule', async () => {
		const page = await nhsClient.get('/p/reg/actions');
		expect(page.text).toContain(`id="status-${healthAction}"`);
		expect(page.text).not.toContain(`id="status-${councilAction}"`);
		expect(page.text).toContain('Overdue');
		expect((await reviewer.get('/p/reg/actions')).text).not.toContain('name="actionId"');
		const officerPage = (await officer.get('/p/reg/actions')).text;
		expect(officerPage).toContain(`id="status-${councilAction}"`);

		const refused = await postForm(nhsClient, '/p/reg/actions?/status', {
			actionId: councilAction,
			status: 'DONE'
		});
		expect(refused.status).toBe(403);
		const moved = await postForm(nhsClient, '/p/reg/actions?/status', {
			actionId: healthAction,
			status: 'DONE'
		});
		expect(moved.status).toBe(200);
		const stored = await server.db.action.findMany({
			where: { id: { in: [healthAction, councilAction] } }
		});
		expect(Object.fromEntries(stored.map((a) => [a.id, a.status]))).toEqual({
			[healthAction]: 'DONE',
			[councilAction]: 'OPEN'
		});
		const done = await nhsClient.get('/p/reg/actions?status=DONE');
		expect(done.text).toContain('Health board reports uptake');
		expect(done.text).not.toContain('Council books the ferry');
	});
});
