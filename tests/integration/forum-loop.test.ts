// The forum's loop (issue 16): the forum's members are told at every step of their priority (not the
// person who took it, and never what a restricted paper says), and a contested response goes on the
// deciding body's next agenda as a matter arising, or waits for its next meeting and lands when one is
// scheduled.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { meetingIn } from '../support/minutes.ts';
import { signedIn } from '../support/people.ts';
import {
	boardDecision,
	boardItem,
	priorityInput,
	seatedMember,
	step
} from '../support/priorities.ts';
import { freshDataDir, removeDataDir, startServer, type TestServer } from '../support/server.ts';
import { connect, waitFor } from '../support/sync.ts';
import { agendaItems } from '../../src/lib/collab/agenda.ts';

let server: TestServer;
let dataDir: string;
let made = 0;

beforeAll(async () => {
	// A data folder kept across a restart: matters arising not yet placed are tried again at start-up.
	dataDir = await freshDataDir();
	server = await startServer({ dataDir });
});
afterAll(async () => {
	await server?.stop();
	if (dataDir) await removeDataDir(dataDir);
});

interface Note {
	message: string;
	link: string;
}

/** A partnership of its own for each test, with two members seated on its forum. */
async function partnership() {
	const fx = await makePartnership(server.db, `loop${++made}${randomBytes(3).toString('hex')}`);
	const [a, b] = [
		await seatedMember(server.db, fx, fx.bodies.forum.id),
		await seatedMember(server.db, fx, fx.bodies.forum.id)
	];
	return {
		fx,
		raiser: await signedIn(server.url, a.email),
		other: await signedIn(server.url, b.email),
		officer: await signedIn(server.url, fx.members.SECRETARIAT.email),
		boardChair: await signedIn(server.url, fx.members.MEMBER.email)
	};
}
type Setting = Awaited<ReturnType<typeof partnership>>;

async function inbox(client: Client, priorityId: string): Promise<Note[]> {
	const res = await client.get('/api/v1/me/notifications');
	expect(res.status).toBe(200);
	return (res.json as Note[]).filter((n) => n.link.endsWith(`/priorities/${priorityId}`)).reverse();
}

/** A priority raised by the forum and carried to a published response; each step checked. */
async function toPublished(s: Setting) {
	const { fx } = s;
	const raised = await s.raiser.post(
		`/api/v1/bodies/${fx.bodies.forum.id}/priorities`,
		priorityInput()
	);
	expect(raised.status, raised.text).toBe(201);
	const id = raised.json.id as string;
	const ok = async (client: Client, body: Record<string, unknown>) => {
		const res = await step(client, id, body);
		expect(res.status, res.text).toBe(201);
		return res;
	};
	await ok(s.raiser, { type: 'SUBMITTED', toBodyId: fx.bodies.theme.id });
	await ok(s.officer, {
		type: 'PASSED_ON',
		toBodyId: fx.bodies.board.id,
		reason: 'A board matter'
	});
	await ok(s.boardChair, {
		type: 'ACCEPTED',
		leadOrganisationId: fx.organisations.health.id,
		influenceDeclared: 'CONSULT',
		hearBackBy: '2199-01-01'
	});
	const arranged = await boardItem(server.db, fx, '2026-06-04');
	await ok(s.boardChair, { type: 'SCHEDULED', agendaItemId: arranged.item.id });
	const { decision } = await boardDecision(server.db, fx, arranged);
	const decided = await ok(s.officer, {
		type: 'DECIDED',
		decisionId: decision.id,
		influenceAchieved: 'CONSULT'
	});
	const feedback = decided.json.feedback as { id: string };
	const publish = await s.officer.post(`/api/v1/feedback/${feedback.id}/publish`);
	expect(publish.status, publish.text).toBe(200);
	return { id, feedback };
}

async function scheduleBoardMeeting(s: Setting, title: string) {
	const res = await s.officer.post(`/api/v1/bodies/${s.fx.bodies.board.id}/meetings`, {
		title,
		startsAt: '2099-03-05T14:30',
		durationMinutes: 120
	});
	expect(res.status, res.text).toBe(201);
	return res.json.id as string;
}

async function agendaTitles(client: Client, meetingId: string): Promise<string[]> {
	const res = await client.get(`/api/v1/meetings/${meetingId}`);
	expect(res.status, res.text).toBe(200);
	return (res.json.items as { title: string; withdrawn: boolean }[])
		.filter((i) => !i.withdrawn)
		.map((i) => i.title);
}

describe('the forum’s members hear of every step', () => {
	it('each member seated on the forum is told of each step in plain words, with a link; not the one who took it', async () => {
		const s = await partnership();
		const { id } = await toPublished(s);
		const other = await inbox(s.other, id);
		expect(other.map((n) => n.message)).toEqual([
			`${s.fx.bodies.forum.name} raised a priority: “Safer walking routes to school”.`,
			`Your forum’s priority “Safer walking routes to school” was submitted to ${s.fx.bodies.theme.name}.`,
			`${s.fx.bodies.theme.name} passed your forum’s priority “Safer walking routes to school” on to ${s.fx.bodies.board.name}. Reason: A board matter`,
			`${s.fx.bodies.board.name} accepted your forum’s priority “Safer walking routes to school”. The influence the forum can expect: Consult. The forum will hear back by 1 Jan 2199.`,
			`Your forum’s priority “Safer walking routes to school” is on the agenda of Board 2026-06-04 on Thursday, 4 June 2026 at 10:30.`,
			`${s.fx.bodies.board.name} took a decision on your forum’s priority “Safer walking routes to school”; the response to the forum is being drafted.`,
			'The response to your forum’s priority “Safer walking routes to school” has been published: the forum can accept or contest it.'
		]);
		for (const n of other) expect(n.link).toBe(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		// The member who raised and submitted it is not told of their own steps, only of the others'.
		const raiser = await inbox(s.raiser, id);
		expect(raiser).toHaveLength(5);
		expect(raiser.some((n) => n.message.includes('raised a priority'))).toBe(false);
		expect(raiser.some((n) => n.message.includes('was submitted to'))).toBe(false);
		// Nobody off the forum hears of the steps: the board's chair and the officer get none of these.
		for (const client of [s.boardChair, s.officer])
			expect((await inbox(client, id)).filter((n) => n.message.includes('Your forum’s'))).toEqual(
				[]
			);
	});

	it('a member whose seat on the forum has ended is no longer told', async () => {
		const s = await partnership();
		const left = await seatedMember(server.db, s.fx, s.fx.bodies.forum.id);
		await server.db.bodySeat.updateMany({
			where: { membershipId: left.membershipId },
			data: { endedAt: new Date() }
		});
		const leftClient = await signedIn(server.url, left.email);
		const { id } = await toPublished(s);
		expect(await inbox(leftClient, id)).toEqual([]);
		expect((await inbox(s.other, id)).length).toBe(7);
	});

	it('a reason quoting a restricted paper reaches the forum with the paper named generically', async () => {
		const s = await partnership();
		const meeting = await server.db.meeting.findFirst({ where: { bodyId: s.fx.bodies.board.id } });
		const board =
			meeting ??
			(await server.db.meeting.create({
				data: {
					partnershipId: s.fx.partnership.id,
					bodyId: s.fx.bodies.board.id,
					title: 'Board in private',
					startsAt: new Date('2026-05-01T09:30:00Z'),
					createdById: s.fx.members.SECRETARIAT.userId
				}
			}));
		const secret = 'Valuation of the Harbour Street depot site';
		await server.db.evidenceItem.create({
			data: {
				id: randomBytes(12).toString('hex'),
				meetingId: board.id,
				title: secret,
				summary: 'The depot is worth four million pounds to a developer.',
				confidentiality: 'RESTRICTED',
				allowedOrganisationIds: [s.fx.organisations.health.id],
				kind: 'RESEARCH'
			}
		});
		const raised = await s.raiser.post(
			`/api/v1/bodies/${s.fx.bodies.forum.id}/priorities`,
			priorityInput()
		);
		const id = raised.json.id as string;
		await step(s.raiser, id, { type: 'SUBMITTED', toBodyId: s.fx.bodies.theme.id });
		const declined = await step(s.officer, id, {
			type: 'DECLINED',
			reason: `The ${secret} says: The depot is worth four million pounds to a developer.`
		});
		expect(declined.status, declined.text).toBe(201);
		const [told] = (await inbox(s.other, id)).filter((n) => n.message.includes('declined'));
		expect(told.message).not.toContain('Harbour Street');
		expect(told.message).not.toContain('four million');
		expect(told.message).toContain('a paper restricted to named partners');
	});
});

describe('the forum accepting the response is a step on the timeline', () => {
	it('records RESPONSE_ACCEPTED, tells the forum, and shows on the priority’s page and the trace', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		const res = await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'ACCEPTED',
			note: 'The patrol is what we asked for.'
		});
		expect(res.status, res.text).toBe(200);
		const priority = await s.officer.get(`/api/v1/priorities/${id}`);
		// Accepting leaves the priority where it was: its response published.
		expect(priority.json.status).toBe('FEEDBACK_PUBLISHED');
		expect(priority.json.events.at(-1)).toMatchObject({
			type: 'RESPONSE_ACCEPTED',
			label: 'Response accepted',
			byBody: { id: s.fx.bodies.forum.id },
			reason: 'The patrol is what we asked for.'
		});
		// Audited, and the forum's other members told; not the one who accepted it.
		const step = await server.db.auditEvent.findFirst({
			where: {
				entityId: id,
				action: 'event_recorded',
				detail: { path: ['type'], equals: 'RESPONSE_ACCEPTED' }
			}
		});
		expect(step).not.toBeNull();
		expect((await inbox(s.other, id)).at(-1)?.message).toBe(
			`${s.fx.bodies.forum.name} accepted the response to “Safer walking routes to school”. Its note: The patrol is what we asked for.`
		);
		expect(
			(await inbox(s.raiser, id)).some((n) => n.message.includes('accepted the response'))
		).toBe(false);
		// The priority's page shows it on the timeline; the trace's table says so beside its status.
		const page = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(page.text).toContain('<strong>Response accepted</strong>');
		expect(page.text).toContain('The forum’s note: The patrol is what we asked for.');
		const trace = await s.officer.get(`/p/${s.fx.partnership.slug}/trace`);
		expect(trace.status).toBe(200);
		expect(trace.text).toContain('Response accepted by the forum');
		// Accepting the same response again (the one change allowed) is no second step.
		const again = await s.other.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'ACCEPTED',
			reason: 'Still content.'
		});
		expect(again.status, again.text).toBe(200);
		const after = await s.officer.get(`/api/v1/priorities/${id}`);
		expect(
			after.json.events.filter((e: { type: string }) => e.type === 'RESPONSE_ACCEPTED')
		).toHaveLength(1);
	});

	it('accepting after contesting is a step too, and the trace no longer says accepted once contested', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'Mornings only.'
		});
		const trace = await s.officer.get(`/p/${s.fx.partnership.slug}/trace`);
		expect(trace.text).not.toContain('Response accepted by the forum');
		const accept = await s.other.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'ACCEPTED',
			reason: 'An afternoon patrol was added.'
		});
		expect(accept.status, accept.text).toBe(200);
		const types = (await s.officer.get(`/api/v1/priorities/${id}`)).json.events.map(
			(e: { type: string }) => e.type
		);
		expect(types.slice(-2)).toEqual(['MATTER_ARISING', 'RESPONSE_ACCEPTED']);
		expect((await s.officer.get(`/p/${s.fx.partnership.slug}/trace`)).text).toContain(
			'Response accepted by the forum'
		);
	});
});

describe('a contested response goes on the deciding body’s next agenda', () => {
	it('lands on the next meeting whose agenda is not issued, is on the timeline, tells the forum and the officers, and survives issuing', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		const later = await scheduleBoardMeeting(s, 'Board in March');
		const issued = await s.officer.post(`/api/v1/bodies/${s.fx.bodies.board.id}/meetings`, {
			title: 'Board in February',
			startsAt: '2099-02-05T14:30'
		});
		// The February meeting comes first but its agenda has gone out: the matter goes to March.
		const go = await s.officer.post(`/api/v1/meetings/${issued.json.id}/issue`, {
			issueEmpty: true
		});
		expect(go.status, go.text).toBe(200);
		const audits = await server.db.auditEvent.count({
			where: { partnershipId: s.fx.partnership.id }
		});
		const res = await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'The patrol covers only mornings; the danger is at home time too.'
		});
		expect(res.status, res.text).toBe(200);
		const title = `Matter arising: Safer walking routes to school — response contested by ${s.fx.bodies.forum.name}`;
		expect(await agendaTitles(s.officer, later)).toEqual([title]);
		expect(await agendaTitles(s.officer, issued.json.id)).toEqual([]);
		// The reason is in the item's notes, in the shared agenda.
		const row = await server.db.agendaItem.findFirstOrThrow({ where: { meetingId: later } });
		expect(row.notes).toContain('the danger is at home time too');
		// On the priority's timeline, and audited (the verdict, the matter, its step, its placing).
		const priority = await s.officer.get(`/api/v1/priorities/${id}`);
		// A matter arising leaves the priority where it was: its response published.
		expect(priority.json.status).toBe('FEEDBACK_PUBLISHED');
		const last = priority.json.events.at(-1);
		expect(last).toMatchObject({
			type: 'MATTER_ARISING',
			reason: 'The patrol covers only mornings; the danger is at home time too.'
		});
		const actions = (
			await server.db.auditEvent.findMany({
				where: { partnershipId: s.fx.partnership.id },
				orderBy: { id: 'asc' },
				skip: audits
			})
		).map((a) => a.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'verdict_given',
				'matter_arising_recorded',
				'event_recorded',
				'matter_arising_placed'
			])
		);
		// The officers are still told; the other forum member hears it is contested and where it went.
		const officer = await inbox(s.officer, id);
		expect(officer.at(-1)?.message).toContain('contested');
		const other = (await inbox(s.other, id)).slice(-2).map((n) => n.message);
		expect(other[0]).toContain('contested the response to “Safer walking routes to school”');
		expect(other[1]).toContain('is on the agenda of Board in March');
		// The one who contested it is not told of their own step.
		expect((await inbox(s.raiser, id)).some((n) => n.message.includes('contested'))).toBe(false);
		// The priority's page and the board's view of the agenda show it.
		const page = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(page.text).toContain('Matter arising');
		expect(page.text).toContain('On the agenda');
		expect(page.text).toContain('Board in March');
		const agenda = await s.boardChair.get(`/p/${s.fx.partnership.slug}/meetings/${later}`);
		expect(agenda.text).toContain('Responses contested by forums');
		expect(agenda.text).toContain(title);
		// Issuing the agenda keeps it.
		const out = await s.officer.post(`/api/v1/meetings/${later}/issue`, {});
		expect(out.status, out.text).toBe(200);
		expect(await agendaTitles(s.boardChair, later)).toEqual([title]);
		const again = await s.boardChair.get(`/p/${s.fx.partnership.slug}/meetings/${later}`);
		expect(again.text).toContain('Matter arising</strong>');
	});

	it('with no meeting to go on, it waits in the body’s list, and lands on the next one when it is scheduled', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		const res = await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'Mornings only.'
		});
		expect(res.status, res.text).toBe(200);
		const waiting = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(waiting.text).toContain('Waiting');
		expect(waiting.text).toContain(`for the next meeting of ${s.fx.bodies.board.name}`);
		expect(
			await server.db.matterArising.count({ where: { priorityId: id, agendaItemId: null } })
		).toBe(1);
		// The officers see it waiting where they schedule the board's meetings.
		const bodyPage = `/p/${s.fx.partnership.slug}/bodies/${s.fx.bodies.board.id}`;
		const before = await s.officer.get(bodyPage);
		expect(before.text).toContain('this matter arising goes on the agenda of the next meeting');
		const meeting = await scheduleBoardMeeting(s, 'Board in spring');
		expect((await s.officer.get(bodyPage)).text).not.toContain('this matter arising goes');
		const title = `Matter arising: Safer walking routes to school — response contested by ${s.fx.bodies.forum.name}`;
		expect(await agendaTitles(s.officer, meeting)).toEqual([title]);
		const other = await inbox(s.other, id);
		expect(other.at(-1)?.message).toContain('is on the agenda of Board in spring');
		// Only once: a second meeting scheduled later gets nothing.
		const next = await scheduleBoardMeeting(s, 'Board in summer');
		expect(await agendaTitles(s.officer, next)).toEqual([]);
		const placed = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(placed.text).toContain('Board in spring');
		expect(placed.text).not.toContain('Waiting</strong>');
	});

	it('a forum that accepts the response after all withdraws the matter still waiting: the next meeting does not get it', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		const contest = await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'Mornings only.'
		});
		expect(contest.status, contest.text).toBe(200);
		const accept = await s.other.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'ACCEPTED',
			reason: 'The council has since added an afternoon patrol.'
		});
		expect(accept.status, accept.text).toBe(200);
		const page = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(page.text).toContain('Withdrawn</strong>');
		const meeting = await scheduleBoardMeeting(s, 'Board after the change');
		expect(await agendaTitles(s.officer, meeting)).toEqual([]);
		const bodyPage = await s.officer.get(
			`/p/${s.fx.partnership.slug}/bodies/${s.fx.bodies.board.id}`
		);
		expect(bodyPage.text).not.toContain('matter arising goes');
	});

	it('one the officer takes off the draft agenda is shown as removed, not as placed', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		const meeting = await scheduleBoardMeeting(s, 'Board with an edited agenda');
		const res = await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'Mornings only.'
		});
		expect(res.status, res.text).toBe(200);
		const matter = await server.db.matterArising.findFirstOrThrow({ where: { priorityId: id } });
		expect(matter.agendaItemId).toBeTruthy();
		const placed = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(placed.text).toContain('On the agenda</strong>');

		// The officer deletes the item in the agenda's shared document, as the agenda editor does.
		const editor = connect(server.url, `meeting:${meeting}:agenda`, s.officer.cookie!);
		try {
			await editor.synced;
			expect(agendaItems(editor.doc).has(matter.agendaItemId!)).toBe(true);
			agendaItems(editor.doc).delete(matter.agendaItemId!);
			await waitFor(
				async () =>
					(await server.db.agendaItem.findUnique({ where: { id: matter.agendaItemId! } }))
						?.withdrawn === true,
				'the agenda without the item to be stored',
				20_000
			);
		} finally {
			editor.destroy();
		}
		expect(await agendaTitles(s.officer, meeting)).toEqual([]);
		const page = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(page.text).not.toContain('On the agenda</strong>');
		expect(page.text).toContain('Removed from the agenda</strong>');
		expect(page.text).toContain('Board with an edited agenda');
		const agenda = await s.officer.get(`/p/${s.fx.partnership.slug}/meetings/${meeting}`);
		expect(agenda.text).toContain('removed from this agenda by an officer');
	});

	it('one placed on a meeting that is then cancelled waits again, and goes on the next meeting scheduled', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		const cancelled = await scheduleBoardMeeting(s, 'Board that will not meet');
		const res = await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'Mornings only.'
		});
		expect(res.status, res.text).toBe(200);
		const title = `Matter arising: Safer walking routes to school — response contested by ${s.fx.bodies.forum.name}`;
		expect(await agendaTitles(s.officer, cancelled)).toEqual([title]);

		const cancel = await s.officer.post(`/api/v1/meetings/${cancelled}/cancel`, {
			reason: 'The venue is closed for repairs.'
		});
		expect(cancel.status, cancel.text).toBe(200);
		const waiting = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(waiting.text).toContain('Waiting');
		expect(waiting.text).not.toContain('On the agenda</strong>');

		const next = await scheduleBoardMeeting(s, 'Board in the new venue');
		expect(await agendaTitles(s.officer, next)).toEqual([title]);
		const placed = await s.boardChair.get(`/p/${s.fx.partnership.slug}/priorities/${id}`);
		expect(placed.text).toContain('On the agenda</strong>');
		expect(placed.text).toContain('Board in the new venue');
	});

	it('one not placed when it was recorded is placed at the next start-up', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		const res = await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: 'Mornings only.'
		});
		expect(res.status, res.text).toBe(200);
		// A draft meeting the placing never saw (as when the sync server was unavailable at the time).
		const meeting = await meetingIn(server.db, s.fx, 'DRAFT', '2099-04-02');
		expect(
			await server.db.matterArising.count({ where: { priorityId: id, agendaItemId: null } })
		).toBe(1);
		await server.stop();
		server = await startServer({ dataDir });
		await waitFor(
			async () =>
				(await server.db.matterArising.count({ where: { priorityId: id, agendaItemId: null } })) ===
				0,
			'the matter arising to be placed at start-up',
			20_000
		);
		const officer = await signedIn(server.url, s.fx.members.SECRETARIAT.email);
		const title = `Matter arising: Safer walking routes to school — response contested by ${s.fx.bodies.forum.name}`;
		expect(await agendaTitles(officer, meeting.id)).toEqual([title]);
		// The forum is told where it went (the member who contested it was told of their step already).
		const other = new Client(server.url);
		other.cookie = s.other.cookie;
		expect((await inbox(other, id)).at(-1)?.message).toContain(
			`is on the agenda of ${meeting.title}`
		);
	});

	it('a contest quoting a restricted paper goes on the agenda and to the forum with the paper named generically', async () => {
		const s = await partnership();
		const { id, feedback } = await toPublished(s);
		const meeting = await scheduleBoardMeeting(s, 'Board to come');
		const secret = 'Confidential review of the Mill Road crossing costs';
		await server.db.evidenceItem.create({
			data: {
				id: randomBytes(12).toString('hex'),
				meetingId: meeting,
				title: secret,
				confidentiality: 'RESTRICTED',
				allowedOrganisationIds: [s.fx.organisations.health.id],
				kind: 'RESEARCH'
			}
		});
		const res = await s.raiser.post(`/api/v1/feedback/${feedback.id}/verdict`, {
			verdict: 'CONTESTED',
			note: `The ${secret} was not shared with us.`
		});
		expect(res.status, res.text).toBe(200);
		const row = await server.db.agendaItem.findFirstOrThrow({
			where: { meetingId: meeting, title: { startsWith: 'Matter arising' } }
		});
		expect(row.notes).not.toContain('Mill Road crossing costs');
		expect(row.notes).toContain('a paper restricted to named partners');
		for (const n of await inbox(s.other, id))
			expect(n.message).not.toContain('Mill Road crossing costs');
	});
});
