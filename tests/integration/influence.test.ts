// The influence a forum was promised when its priority was accepted, against the influence the decision
// records, on the trace (graph, table, CSV, page), the forum's public page and its public JSON; and the
// priorities whose hear-back-by day has passed unanswered, listed as overdue on the trace and that page.
// The record is arranged straight into the database (the accepting command is tested in priorities.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { prioritiesApi } from '../../src/lib/server/priorities/index.ts';
import { makeDecision, makePriority } from '../support/trace-records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let observer: Client;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dayAgo = (days: number) => ago(days).slice(0, 10);
const ids = {} as Record<string, string>;
const base = () => `/api/v1/partnerships/${fx.partnership.slug}`;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'influence');
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	const { forum, board } = fx.bodies;
	const { council } = fx.organisations;
	const accepted = (days: number, promised: 'CONSULT' | 'INVOLVE', hearBackBy: string) => ({
		type: 'ACCEPTED' as const,
		at: ago(days),
		byBodyId: board.id,
		leadOrganisationId: council.id,
		influenceDeclared: promised,
		hearBackBy
	});
	const start = (days: number) =>
		[
			{ type: 'RAISED', at: ago(days), byBodyId: forum.id },
			{ type: 'SUBMITTED', at: ago(days - 1), byBodyId: forum.id, toBodyId: board.id }
		] as const;

	const bus = await makeDecision(server.db, fx, {
		itemTitle: 'Rural transport',
		wording: 'The board funds a bus to the clinic.',
		at: ago(10)
	});
	const old = await makeDecision(server.db, fx, {
		itemTitle: 'Libraries',
		wording: 'The board keeps the libraries open on Saturdays.',
		at: ago(300)
	});
	// Promised Involve, had Consult: less than promised. Its hear-back day has passed, but it was decided.
	const decided = await makePriority(server.db, fx, {
		title: 'Bus to the clinic',
		events: [
			...start(60),
			accepted(45, 'INVOLVE', dayAgo(20)),
			{ type: 'DECIDED', at: ago(10), decisionId: bus.decision.id, influenceAchieved: 'CONSULT' }
		]
	});
	// Recorded before the promise moved to the acceptance: the level declared with the decision is the promise.
	const earlier = await makePriority(server.db, fx, {
		title: 'Saturday libraries',
		events: [
			...start(330),
			{ type: 'ACCEPTED', at: ago(320), byBodyId: board.id, leadOrganisationId: council.id },
			{
				type: 'DECIDED',
				at: ago(300),
				decisionId: old.decision.id,
				influenceDeclared: 'CONSULT',
				influenceAchieved: 'COLLABORATE'
			}
		]
	});
	const late = await makePriority(server.db, fx, {
		title: 'Fire safety visits',
		events: [...start(40), accepted(30, 'CONSULT', dayAgo(3))]
	});
	const inTime = await makePriority(server.db, fx, {
		title: 'Park benches',
		events: [...start(40), accepted(30, 'CONSULT', dayAgo(-10))]
	});
	// Passed its day, but the forum heard back: declined.
	const declined = await makePriority(server.db, fx, {
		title: 'Free parking',
		events: [
			...start(40),
			accepted(30, 'CONSULT', dayAgo(20)),
			{ type: 'PASSED_ON', at: ago(25), byBodyId: board.id, toBodyId: board.id },
			{ type: 'DECLINED', at: ago(15), byBodyId: board.id, reason: 'No budget.' }
		]
	});
	Object.assign(ids, {
		decided: decided.id,
		earlier: earlier.id,
		late: late.id,
		inTime: inTime.id,
		declined: declined.id,
		bus: bus.decision.id,
		busMeeting: bus.meeting.id,
		old: old.decision.id
	});
	// The published response to the bus priority, on the forum's public page and its JSON.
	await server.db.feedback.create({
		data: {
			priorityId: decided.id,
			decisionId: bus.decision.id,
			weAsked: 'We asked about the bus.',
			youSaid: 'You said the bus matters.',
			weDid: 'We funded a pilot.',
			nextSteps: '',
			status: 'PUBLISHED',
			publishedAt: new Date(ago(8)),
			publishedById: fx.members.SECRETARIAT.userId,
			createdAt: new Date(ago(9)),
			updatedAt: new Date(ago(8))
		}
	});
});
afterAll(() => server?.stop());

describe('the trace', () => {
	it('links each decision with the influence promised on acceptance, achieved, and how they compare', async () => {
		const res = await observer.get(`${base()}/trace`);
		expect(res.status).toBe(200);
		expect(() => prioritiesApi.trace.response.parse(res.json)).not.toThrow();
		const decidedLink = (priorityId: string, decisionId: string) =>
			res.json.links.find(
				(l: { source: string; target: string; type: string }) =>
					l.type === 'decided' &&
					l.source === `priority:${priorityId}` &&
					l.target === `decision:${decisionId}`
			);
		expect(decidedLink(ids.decided, ids.bus)).toMatchObject({
			influenceDeclared: 'INVOLVE',
			influenceAchieved: 'CONSULT',
			influenceGap: 'LESS'
		});
		expect(decidedLink(ids.earlier, ids.old)).toMatchObject({
			influenceDeclared: 'CONSULT',
			influenceAchieved: 'COLLABORATE',
			influenceGap: 'MORE'
		});
	});

	it('lists as overdue only the priority whose hear-back day passed with no answer', async () => {
		const { overdue } = (await observer.get(`${base()}/trace`)).json;
		expect(overdue).toEqual([
			{
				id: ids.late,
				title: 'Fire safety visits',
				forum: { id: fx.bodies.forum.id, name: expect.any(String) },
				promised: 'CONSULT',
				hearBackBy: dayAgo(3)
			}
		]);
	});

	it('keeps the promise of an acceptance made before the period asked for', async () => {
		const res = await observer.get(`${base()}/trace?from=${dayAgo(35)}`);
		expect(res.status).toBe(200);
		const link = res.json.links.find(
			(l: { source: string; type: string }) =>
				l.type === 'decided' && l.source === `priority:${ids.decided}`
		);
		expect(link).toMatchObject({ influenceDeclared: 'INVOLVE', influenceGap: 'LESS' });
		expect(res.json.overdue.map((o: { id: string }) => o.id)).toEqual([ids.late]);
	});

	it('shows promised against achieved and the overdue list on the page and in the CSV', async () => {
		const page = await observer.get(`/p/${fx.partnership.slug}/trace`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('Promised: Involve; achieved: Consult — less than promised');
		expect(page.text).toContain('Promised: Consult; achieved: Collaborate — more than promised');
		const overdue = page.text.slice(
			page.text.indexOf('id="overdue"'),
			page.text.indexOf('id="stalled"')
		);
		expect(overdue).toContain('Fire safety visits');
		expect(overdue).not.toContain('Park benches');
		expect(overdue).not.toContain('Free parking');

		const csv = (await observer.get(`${base()}/trace.csv`)).text.replace(/^\uFEFF/, '').trim();
		const [header, ...rows] = csv.split('\r\n');
		expect(header).toContain(
			'Influence promised,Influence achieved,Influence against the promise,Hear back by,Overdue'
		);
		const row = (title: string) => rows.find((r) => r.includes(title))!;
		expect(row('Bus to the clinic')).toContain('Involve,Consult,less than promised');
		expect(row('Fire safety visits')).toContain(`Consult,,,${dayAgo(3)},Yes`);
		expect(row('Park benches')).toContain(`Consult,,,${dayAgo(-10)},`);
		expect(row('Park benches')).not.toContain(',Yes');
	});
});

describe('the forum’s public page', () => {
	it('shows the influence promised and achieved with each response, in the page and its JSON', async () => {
		const anyone = new Client(server.url);
		const slug = fx.partnership.slug;
		const json = await anyone.get(
			`/api/v1/public/partnerships/${slug}/forums/${fx.bodies.forum.id}/responses`
		);
		expect(json.status).toBe(200);
		expect(json.json).toHaveLength(1);
		expect(json.json[0].influence).toEqual({
			promised: 'INVOLVE',
			achieved: 'CONSULT',
			gap: 'LESS',
			words: 'Promised: Involve; achieved: Consult — less than promised'
		});
		const page = await anyone.get(`/public/${slug}/forums/${fx.bodies.forum.id}`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('Promised: Involve; achieved: Consult — less than promised');
	});

	it('lists its priorities whose hear-back day has passed unanswered as overdue', async () => {
		const page = await new Client(server.url).get(
			`/public/${fx.partnership.slug}/forums/${fx.bodies.forum.id}`
		);
		const overdue = page.text.slice(page.text.indexOf('id="overdue"'));
		expect(page.text).toContain('Overdue: you have not heard back yet');
		expect(overdue).toContain('Fire safety visits');
		expect(overdue).toContain(`datetime="${dayAgo(3)}"`);
		for (const title of ['Park benches', 'Free parking', 'Bus to the clinic'])
			expect(overdue.slice(0, overdue.indexOf('</ul>'))).not.toContain(title);
	});
});

describe('the review’s forum-voice measure', () => {
	it('shows, for the meeting that decided a priority, the influence promised, achieved and the difference', async () => {
		// The meeting is over: its review is open to the officers.
		await server.db.meeting.update({
			where: { id: ids.busMeeting },
			data: { status: 'CLOSED', closedAt: new Date(ago(10)) }
		});
		const officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
		const res = await officer.get(`/api/v1/meetings/${ids.busMeeting}/review`);
		expect(res.status, res.text).toBe(200);
		const f = res.json.forumVoice;
		expect(f.priorities).toEqual([
			expect.objectContaining({
				title: 'Bus to the clinic',
				influencePromised: 'INVOLVE',
				influenceAchieved: 'CONSULT',
				influenceGap: 'LESS',
				influenceWords: 'Promised: Involve; achieved: Consult — less than promised'
			})
		]);
		expect(f).toMatchObject({ influenceCompared: 1, influenceKept: 0, influenceLess: 1 });

		const page = await officer.get(`/p/${fx.partnership.slug}/meetings/${ids.busMeeting}/review`);
		expect(page.status).toBe(200);
		const section = page.text.slice(
			page.text.indexOf('id="forum-voice"'),
			page.text.indexOf('Download “Forum voice”')
		);
		expect(section).toContain('<th scope="col">Influence promised</th>');
		expect(section).toContain('<th scope="col">Influence achieved</th>');
		expect(section).toContain('<th scope="col">Against the promise</th>');
		const row = section.slice(section.indexOf('Bus to the clinic'));
		expect(row.replace(/<!--[^>]*-->/g, '')).toMatch(
			/<td>Involve<\/td>\s*<td>Consult<\/td>\s*<td>less than promised<\/td>/
		);
		expect(section).toMatch(/0 of 1 \(0\s*%\); less than promised: 1/);
	});
});
