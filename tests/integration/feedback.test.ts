import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import {
	boardDecision,
	boardItem,
	priorityInput,
	seatedMember,
	step
} from '../support/priorities.ts';
import { auditCounter } from '../support/records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let officer: Client;
let boardChair: Client;
let forumMember: Client;
let observer: Client;
let outsider: Client;
let day = 1;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'answer');
	const other = await makePartnership(server.db, 'away');
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	boardChair = await signedIn(server.url, fx.members.MEMBER.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
	forumMember = await signedIn(
		server.url,
		(await seatedMember(server.db, fx, fx.bodies.forum.id)).email
	);
});
afterAll(() => server?.stop());

/** A priority taken to the board and decided there: its id, the decision and its action, the draft. */
async function decided() {
	const raised = await forumMember.post(
		`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
		priorityInput()
	);
	const id = raised.json.id as string;
	await step(forumMember, id, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id });
	await step(officer, id, { type: 'PASSED_ON', toBodyId: fx.bodies.board.id });
	await step(boardChair, id, {
		type: 'ACCEPTED',
		leadOrganisationId: fx.organisations.health.id,
		influenceDeclared: 'CONSULT',
		hearBackBy: '2199-01-01'
	});
	const arranged = await boardItem(server.db, fx, `2026-06-${String(day++).padStart(2, '0')}`);
	await step(boardChair, id, { type: 'SCHEDULED', agendaItemId: arranged.item.id });
	const { decision, action } = await boardDecision(server.db, fx, arranged);
	const res = await step(officer, id, {
		type: 'DECIDED',
		decisionId: decision.id,
		influenceDeclared: 'INVOLVE',
		influenceAchieved: 'INVOLVE'
	});
	expect(res.status, res.text).toBe(201);
	return { id, decision, action, meeting: arranged.meeting, feedback: res.json.feedback };
}

async function published() {
	const arranged = await decided();
	const res = await officer.post(`/api/v1/feedback/${arranged.feedback.id}/publish`);
	expect(res.status, res.text).toBe(200);
	return arranged;
}

describe('the drafted response', () => {
	it('is written from the record: what was asked, what people said, the decision, who took it, the actions', async () => {
		const { feedback, meeting } = await decided();
		expect(feedback.status).toBe('DRAFT');
		expect(feedback.weAsked).toContain('Safer walking routes to school');
		expect(feedback.weAsked).toContain('survey');
		expect(feedback.weAsked).toContain('212 people');
		expect(feedback.weAsked).toContain(fx.bodies.forum.name);
		expect(feedback.youSaid).toBe(priorityInput().said);
		// The decision's latest wording, not its first.
		expect(feedback.weDid).toContain(
			'It agreed: “Fund a crossing patrol at Mill Road for two years.”'
		);
		expect(feedback.weDid).toContain(`${fx.bodies.board.name} talked about this at its meeting on`);
		expect(feedback.weDid).toContain(meeting.title);
		expect(feedback.weDid).toContain('chaired by member of answer'); // the board's chair
		// Sentences, not a form: no field labels, and the actions once, under what happens next.
		expect(feedback.weDid).not.toMatch(/Decision \(|Why:|Actions:|Evidence:/);
		expect(feedback.weDid).not.toContain('Recruit the patrol');
		expect(feedback.nextSteps).toMatch(/^- Recruit the patrol\b.* will do it by /m);
		expect(feedback.nextSteps).toContain('The forum will hear again by 30 Sept 2026');
		expect(feedback.hearAgainBy).toBe('2026-09-30');
	});

	it('with no action due, the forum hears again three months after the decision', async () => {
		const { id, feedback } = await decided();
		const row = await server.db.feedback.findUniqueOrThrow({ where: { id: feedback.id } });
		expect(row.priorityId).toBe(id);
		const decision = await server.db.decisionVersion.findFirstOrThrow({
			where: { decisionId: row.decisionId! },
			orderBy: { version: 'desc' }
		});
		// The arranged decision has an action due; one without gives decision date + 3 months.
		expect(decision).toBeTruthy();
		const item = await boardItem(server.db, fx, '2026-11-05');
		const bare = await server.db.decision.create({
			data: {
				partnershipId: fx.partnership.id,
				bodyId: fx.bodies.board.id,
				meetingId: item.meeting.id,
				agendaItemId: item.item.id,
				versions: {
					create: {
						version: 1,
						wording: 'Noted the forum’s concern.',
						outcome: 'NOTED',
						method: 'CONSENSUS',
						quorate: true,
						hash: 'f'.repeat(64),
						recordedById: fx.members.SECRETARIAT.userId,
						recordedAt: new Date('2026-11-05T10:00:00Z')
					}
				}
			}
		});
		const raised = await forumMember.post(
			`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
			priorityInput()
		);
		const p = raised.json.id;
		await step(forumMember, p, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id });
		await step(officer, p, {
			type: 'ACCEPTED',
			leadOrganisationId: fx.organisations.council.id,
			influenceDeclared: 'INFORM',
			hearBackBy: '2199-01-01'
		});
		const res = await step(officer, p, {
			type: 'DECIDED',
			decisionId: bare.id,
			influenceDeclared: 'INFORM',
			influenceAchieved: 'INFORM'
		});
		expect(res.status, res.text).toBe(201);
		expect(res.json.feedback.hearAgainBy).toBe('2027-02-05');
		expect(res.json.feedback.weDid).toContain('Noted the forum’s concern.');
	});
});

describe('editing and publishing', () => {
	it('officers edit a draft; publishing records FEEDBACK_PUBLISHED in the same command', async () => {
		const { id, feedback } = await decided();
		const edit = await officer.patch(`/api/v1/feedback/${feedback.id}`, {
			weDid: 'The board funded a crossing patrol.',
			hearAgainBy: '2026-10-15'
		});
		expect(edit.status, edit.text).toBe(200);
		expect(edit.json).toMatchObject({
			weDid: 'The board funded a crossing patrol.',
			hearAgainBy: '2026-10-15',
			weAsked: feedback.weAsked
		});
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await officer.post(`/api/v1/feedback/${feedback.id}/publish`);
		expect(res.status, res.text).toBe(200);
		expect(res.json.status).toBe('PUBLISHED');
		expect(res.json.publishedAt).toBeTruthy();
		expect(await written()).toBe(1);
		const priority = await officer.get(`/api/v1/priorities/${id}`);
		expect(priority.json.status).toBe('FEEDBACK_PUBLISHED');
		expect(priority.json.events.at(-1).type).toBe('FEEDBACK_PUBLISHED');
		expect(priority.json.next).toEqual(['ACTION', 'CLOSED']);
	});

	it('a published response can no longer be edited or published again (409)', async () => {
		const { feedback } = await published();
		const written = await auditCounter(server.db);
		expect(
			(await officer.patch(`/api/v1/feedback/${feedback.id}`, { weDid: 'Changed' })).status
		).toBe(409);
		expect((await officer.post(`/api/v1/feedback/${feedback.id}/publish`)).status).toBe(409);
		expect(await written()).toBe(0);
	});

	it('only officers edit and publish: the forum and the board’s chair are refused; another partnership 404', async () => {
		const { feedback } = await decided();
		for (const client of [forumMember, boardChair, observer]) {
			expect((await client.patch(`/api/v1/feedback/${feedback.id}`, { weDid: 'x' })).status).toBe(
				403
			);
			expect((await client.post(`/api/v1/feedback/${feedback.id}/publish`)).status).toBe(403);
		}
		expect((await outsider.post(`/api/v1/feedback/${feedback.id}/publish`)).status).toBe(404);
	});

	it('a blank edit names the field', async () => {
		const { feedback } = await decided();
		const res = await officer.patch(`/api/v1/feedback/${feedback.id}`, { weAsked: ' ' });
		expect(res.status).toBe(400);
		expect(res.json.error.fields.weAsked).toBeTruthy();
	});
});

describe('the forum’s verdict', () => {
	it('a forum member accepts a published response', async () => {
		const { feedback } = await published();
		const res = await forumMember.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'ACCEPTED'
		});
		expect(res.status, res.text).toBe(200);
		expect(res.json).toMatchObject({ verdict: 'ACCEPTED', verdictNote: '' });
	});

	it('contesting needs a note, and notifies the secretariat in the app', async () => {
		const { id, feedback } = await published();
		const none = await forumMember.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED'
		});
		expect(none.status).toBe(400);
		expect(none.json.error.fields.note).toBeTruthy();
		const before = await server.db.notification.count({
			where: { userId: fx.members.SECRETARIAT.userId }
		});
		const res = await forumMember.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'The patrol covers only mornings.'
		});
		expect(res.status, res.text).toBe(200);
		expect(res.json).toMatchObject({
			verdict: 'CONTESTED',
			verdictNote: 'The patrol covers only mornings.'
		});
		const notes = await officer.get('/api/v1/me/notifications');
		const mine = notes.json.filter((n: { link: string }) => n.link.endsWith(`/priorities/${id}`));
		expect(mine).toHaveLength(1);
		expect(mine[0].message).toContain('contested');
		expect(
			await server.db.notification.count({ where: { userId: fx.members.SECRETARIAT.userId } })
		).toBe(before + 1);
		// Not the forum member, nor the admin: the secretariat is the board's officer.
		expect(
			await server.db.notification.count({
				where: { userId: fx.members.ADMIN.userId, link: { contains: id } }
			})
		).toBe(0);
	});

	it('is the forum’s: an officer not seated on the forum is refused (403), even the admin; one seated on it may give it', async () => {
		const { feedback } = await published();
		const admin = await signedIn(server.url, fx.members.ADMIN.email);
		const written = await auditCounter(server.db);
		for (const client of [officer, admin]) {
			const res = await client.post(`/api/v1/feedback/${feedback.id}/verdict`, {
				verdict: 'ACCEPTED'
			});
			expect(res.status, res.text).toBe(403);
			expect(res.json.error.code).toBe('forbidden');
			expect(res.json.error.message).toContain('seated on the forum');
		}
		expect(await written()).toBe(0);
		expect(
			(await forumMember.get(`/api/v1/priorities/${feedback.priorityId}`)).json.feedback.verdict
		).toBeNull();
		// An officer who holds a seat on the forum speaks as one of its members.
		await server.db.bodySeat.create({
			data: {
				bodyId: fx.bodies.forum.id,
				membershipId: fx.members.ADMIN.membershipId,
				role: 'MEMBER'
			}
		});
		const seated = await admin.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'ACCEPTED'
		});
		expect(seated.status, seated.text).toBe(200);
		await server.db.bodySeat.deleteMany({
			where: { bodyId: fx.bodies.forum.id, membershipId: fx.members.ADMIN.membershipId }
		});
	});

	it('the page offers the verdict to the forum’s member, not to an officer', async () => {
		const { id } = await published();
		const path = `/p/answer/priorities/${id}`;
		expect((await forumMember.get(path)).text).toContain('Give the forum’s answer');
		const asOfficer = await officer.get(path);
		expect(asOfficer.status).toBe(200);
		expect(asOfficer.text).not.toContain('Give the forum’s answer');
	});

	it('a change needs a reason, is allowed once, keeps both verdicts with their dates on the public page and JSON, and notifies each officer once', async () => {
		const { id, feedback } = await published();
		const verdict = (body: object) =>
			forumMember.post(`/api/v1/feedback/${feedback.id}/verdict`, body);
		const officerNotes = () =>
			server.db.notification.findMany({
				where: { userId: fx.members.SECRETARIAT.userId, link: { endsWith: `/priorities/${id}` } }
			});
		const first = await verdict({ verdict: 'ACCEPTED', note: 'Thank you.' });
		expect(first.status, first.text).toBe(200);
		expect(first.json.firstVerdict).toEqual({
			verdict: 'ACCEPTED',
			note: 'Thank you.',
			at: first.json.verdictAt
		});
		expect(first.json.changedVerdict).toBeNull();
		expect(await officerNotes()).toHaveLength(0);

		const written = await auditCounter(server.db);
		const unexplained = await verdict({ verdict: 'CONTESTED', note: 'Mornings only.' });
		expect(unexplained.status).toBe(400);
		expect(unexplained.json.error.fields.reason).toBe('Say why the forum changes its verdict');
		expect(await written()).toBe(0);

		const changed = await verdict({
			verdict: 'CONTESTED',
			note: 'The patrol covers only mornings.',
			reason: 'The forum met again and found the patrol ends at 9.'
		});
		expect(changed.status, changed.text).toBe(200);
		expect(changed.json).toMatchObject({
			verdict: 'CONTESTED',
			verdictNote: 'The patrol covers only mornings.',
			firstVerdict: { verdict: 'ACCEPTED', note: 'Thank you.', at: first.json.verdictAt },
			changedVerdict: {
				verdict: 'CONTESTED',
				note: 'The patrol covers only mornings.',
				reason: 'The forum met again and found the patrol ends at 9.',
				at: changed.json.verdictAt
			}
		});
		// The change, and (now contested) the matter arising for the board with its step on the timeline.
		expect(await written()).toBe(3);
		const told = await officerNotes();
		expect(told).toHaveLength(1);
		expect(told[0].message).toContain('changed its verdict');
		expect(told[0].message).toContain('The forum met again');

		const again = await verdict({
			verdict: 'ACCEPTED',
			reason: 'Changed our minds once more.'
		});
		expect(again.status).toBe(409);
		expect(again.json.error.code).toBe('verdict_final');
		expect(await officerNotes()).toHaveLength(1);
		expect(await written()).toBe(3);

		const json = await new Client(server.url).get(
			`/api/v1/public/partnerships/answer/forums/${fx.bodies.forum.id}/responses`
		);
		const shown = json.json.find((r: { id: string }) => r.id === feedback.id);
		expect(shown).toMatchObject({
			verdict: 'CONTESTED',
			firstVerdict: { verdict: 'ACCEPTED', at: first.json.verdictAt },
			changedVerdict: {
				verdict: 'CONTESTED',
				reason: 'The forum met again and found the patrol ends at 9.',
				at: changed.json.verdictAt
			}
		});
		const page = await new Client(server.url).get(`/public/answer/forums/${fx.bodies.forum.id}`);
		expect(page.status).toBe(200);
		const words = page.text.replace(/\s+/g, ' ');
		expect(words).toContain('The forum accepted this response');
		expect(words).toContain('the forum changed its verdict: it now contests this response.');
		expect(words).toMatch(
			/Why it changed: <span[^>]*>The forum met again and found the patrol ends at 9\./
		);
		expect(page.text).toContain(`datetime="${first.json.verdictAt}"`);
		expect(page.text).toContain(`datetime="${changed.json.verdictAt}"`);
	});

	it('a draft cannot be answered yet (409); someone outside the forum cannot answer (403)', async () => {
		const { feedback } = await decided();
		expect(
			(await forumMember.post(`/api/v1/feedback/${feedback.id}/verdict`, { verdict: 'ACCEPTED' }))
				.status
		).toBe(409);
		const done = await published();
		expect(
			(
				await boardChair.post(`/api/v1/feedback/${done.feedback.id}/verdict`, {
					verdict: 'ACCEPTED'
				})
			).status
		).toBe(403);
		expect(
			(await outsider.post(`/api/v1/feedback/${done.feedback.id}/verdict`, { verdict: 'ACCEPTED' }))
				.status
		).toBe(404);
	});
});

describe('plan outcomes', () => {
	it('officers add outcomes and tag actions; a duplicate code and another partnership’s outcome are refused', async () => {
		const { action } = await decided();
		const loip = await officer.post('/api/v1/partnerships/answer/outcomes', {
			kind: 'LOIP',
			code: 'LOIP-2',
			title: 'People feel safe in their neighbourhood'
		});
		expect(loip.status, loip.text).toBe(201);
		const local = await officer.post('/api/v1/partnerships/answer/outcomes', {
			kind: 'LOCALITY_PLAN',
			code: 'MB-1',
			title: 'Safer streets in Millbank',
			bodyId: fx.bodies.forum.id
		});
		expect(local.status, local.text).toBe(201);
		const dup = await officer.post('/api/v1/partnerships/answer/outcomes', {
			kind: 'LOIP',
			code: 'LOIP-2',
			title: 'Again'
		});
		expect(dup.status).toBe(400);
		expect(dup.json.error.fields.code).toBeTruthy();
		expect(
			(
				await observer.post('/api/v1/partnerships/answer/outcomes', {
					kind: 'LOIP',
					code: 'Z',
					title: 'Z'
				})
			).status
		).toBe(403);
		const list = await observer.get('/api/v1/partnerships/answer/outcomes');
		expect(list.json.map((o: { code: string }) => o.code)).toEqual(['LOIP-2', 'MB-1']);

		const tagged = await officer.request('PUT', `/api/v1/actions/${action.id}/outcomes`, {
			outcomeIds: [loip.json.id, local.json.id]
		});
		expect(tagged.status, tagged.text).toBe(200);
		expect(tagged.json.outcomes.map((o: { code: string }) => o.code)).toEqual(['LOIP-2', 'MB-1']);
		const retagged = await officer.request('PUT', `/api/v1/actions/${action.id}/outcomes`, {
			outcomeIds: [local.json.id]
		});
		expect(retagged.json.outcomes).toHaveLength(1);
		expect(await server.db.actionOutcome.count({ where: { actionId: action.id } })).toBe(1);
		const foreign = await officer.request('PUT', `/api/v1/actions/${action.id}/outcomes`, {
			outcomeIds: ['b'.repeat(24)]
		});
		expect(foreign.status).toBe(400);
	});
});
