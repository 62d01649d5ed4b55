// Traceability views over a small known record arranged straight into the database: the flow graph's
// nodes and links, each filter, the table as CSV, stalled priorities, decisions without community input,
// time from raised to decided; 400 on a bad query, 404 under another partnership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { makeDecision, makePriority } from '../support/trace-records.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let observer: Client;
let outsider: Client;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dayAgo = (days: number) => ago(days).slice(0, 10);
const ids = {} as Record<string, string>;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'trace');
	other = await makePartnership(server.db, 'traceother');
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
	const { forum, theme, board } = fx.bodies;
	const { council, health } = fx.organisations;

	const bus = await makeDecision(server.db, fx, {
		itemTitle: 'Rural transport',
		wording: 'The board funds a bus to the clinic.',
		at: ago(10)
	});
	const budget = await makeDecision(server.db, fx, {
		itemTitle: 'Budget',
		wording: 'The board sets the budget.',
		at: ago(20)
	});
	const action = await server.db.action.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: board.id,
			meetingId: bus.meeting.id,
			decisionId: bus.decision.id,
			text: 'Run the pilot bus route',
			ownerOrganisationId: health.id,
			createdById: fx.members.SECRETARIAT.userId
		}
	});
	const outcome = await server.db.outcome.create({
		data: { partnershipId: fx.partnership.id, kind: 'LOIP', code: 'L1', title: 'Healthier lives' }
	});
	await server.db.actionOutcome.create({ data: { actionId: action.id, outcomeId: outcome.id } });

	const p1 = await makePriority(server.db, fx, {
		title: 'Bus to the clinic',
		theme: 'Transport',
		events: [
			{ type: 'RAISED', at: ago(60), byBodyId: forum.id },
			{ type: 'SUBMITTED', at: ago(55), byBodyId: forum.id, toBodyId: theme.id },
			{ type: 'PASSED_ON', at: ago(50), byBodyId: theme.id, toBodyId: board.id },
			{ type: 'ACCEPTED', at: ago(45), byBodyId: board.id, leadOrganisationId: council.id },
			{ type: 'SCHEDULED', at: ago(30), byBodyId: board.id, agendaItemId: bus.item.id },
			{
				type: 'DECIDED',
				at: ago(10),
				decisionId: bus.decision.id,
				influenceDeclared: 'CONSULT',
				influenceAchieved: 'INVOLVE'
			}
		]
	});
	const p2 = await makePriority(server.db, fx, {
		title: 'Warm spaces',
		theme: 'Poverty',
		raisedByBodyId: theme.id,
		events: [
			{ type: 'RAISED', at: ago(200), byBodyId: theme.id },
			{ type: 'SUBMITTED', at: ago(199), byBodyId: theme.id, toBodyId: board.id },
			{ type: 'DECLINED', at: ago(190), byBodyId: board.id, reason: 'Already funded.' }
		]
	});
	const p3 = await makePriority(server.db, fx, {
		title: 'Youth club',
		theme: 'Young people',
		events: [
			{ type: 'RAISED', at: ago(400), byBodyId: forum.id },
			{ type: 'SUBMITTED', at: ago(399), byBodyId: forum.id, toBodyId: theme.id }
		]
	});
	await server.db.priorityOutcome.create({ data: { priorityId: p3.id, outcomeId: outcome.id } });
	Object.assign(ids, {
		p1: p1.id,
		p2: p2.id,
		p3: p3.id,
		bus: bus.decision.id,
		busItem: bus.item.id,
		budget: budget.decision.id,
		action: action.id,
		outcome: outcome.id
	});
});
afterAll(() => server?.stop());

const base = '/api/v1/partnerships/trace';
const priorityIds = (graph: { nodes: { id: string; type: string }[] }) =>
	graph.nodes
		.filter((n) => n.type === 'priority')
		.map((n) => n.id.slice('priority:'.length))
		.sort();

describe('the trace graph', () => {
	it('gives the nodes and links of the whole record to anyone in the partnership', async () => {
		const res = await observer.get(`${base}/trace`);
		expect(res.status).toBe(200);
		const { nodes, links } = res.json;
		const { forum, theme, board } = fx.bodies;
		expect(nodes).toContainEqual({ id: `forum:${forum.id}`, type: 'forum', label: forum.name });
		expect(nodes).toContainEqual({ id: `forum:${theme.id}`, type: 'forum', label: theme.name });
		expect(nodes).toContainEqual({ id: `body:${board.id}`, type: 'body', label: board.name });
		expect(nodes).toContainEqual({
			id: `decision:${ids.bus}`,
			type: 'decision',
			label: 'The board funds a bus to the clinic.'
		});
		expect(nodes).toContainEqual({
			id: `action:${ids.action}`,
			type: 'action',
			label: 'Run the pilot bus route'
		});
		expect(nodes.filter((n: { type: string }) => n.type === 'outcome')).toHaveLength(1);
		expect(priorityIds(res.json)).toEqual([ids.p1, ids.p2, ids.p3].sort());
		// The budget decision had no priority behind it: it is not in the flow.
		expect(nodes.map((n: { id: string }) => n.id)).not.toContain(`decision:${ids.budget}`);

		const p1 = `priority:${ids.p1}`;
		const compact = links.map(
			(l: { source: string; target: string; type: string }) => `${l.source} ${l.type} ${l.target}`
		);
		expect(compact).toEqual(
			expect.arrayContaining([
				`forum:${forum.id} raised ${p1}`,
				`${p1} submitted body:${theme.id}`,
				`${p1} passed_on body:${board.id}`,
				`${p1} accepted body:${board.id}`,
				`${p1} scheduled agendaItem:${ids.busItem}`,
				`agendaItem:${ids.busItem} decided_on decision:${ids.bus}`,
				`${p1} decided decision:${ids.bus}`,
				`decision:${ids.bus} action action:${ids.action}`,
				`action:${ids.action} outcome outcome:${ids.outcome}`,
				`priority:${ids.p2} declined body:${board.id}`,
				`priority:${ids.p3} outcome outcome:${ids.outcome}`
			])
		);
		expect(links).toContainEqual({
			source: p1,
			target: `decision:${ids.bus}`,
			type: 'decided',
			influenceDeclared: 'CONSULT',
			influenceAchieved: 'INVOLVE'
		});
		// Every link joins two nodes of the graph.
		const known = new Set(nodes.map((n: { id: string }) => n.id));
		for (const l of links) expect(known.has(l.source) && known.has(l.target)).toBe(true);
	});

	it('filters by forum, theme, partner and period', async () => {
		const get = async (q: string) => priorityIds((await observer.get(`${base}/trace?${q}`)).json);
		expect(await get(`forum=${fx.bodies.forum.id}`)).toEqual([ids.p1, ids.p3].sort());
		expect(await get('theme=Poverty')).toEqual([ids.p2]);
		// The council leads p1; health owns p1's action; nobody in p2 or p3 is either.
		expect(await get(`partner=${fx.organisations.council.id}`)).toEqual([ids.p1]);
		expect(await get(`partner=${fx.organisations.health.id}`)).toEqual([ids.p1]);
		expect(await get(`partner=${fx.organisations.tsi.id}`)).toEqual([]);
		expect(await get(`from=${dayAgo(250)}&to=${dayAgo(100)}`)).toEqual([ids.p2]);
		expect(await get(`from=${dayAgo(70)}`)).toEqual([ids.p1]);
		// Only events in the period make links: p1 scheduled and decided, not its submission.
		const recent = (await observer.get(`${base}/trace?from=${dayAgo(35)}`)).json;
		const types = recent.links.map((l: { type: string }) => l.type);
		expect(types).toContain('scheduled');
		expect(types).not.toContain('submitted');
	});

	it('answers 400 for bad dates and ids, naming the field', async () => {
		for (const [q, field] of [
			['from=yesterday', 'from'],
			['to=2026-13-45', 'to'],
			['forum=not-an-id', 'forum'],
			['partner=x', 'partner']
		]) {
			const res = await observer.get(`${base}/trace?${q}`);
			expect(res.status, q).toBe(400);
			expect(JSON.stringify(res.json), q).toContain(field);
		}
		expect((await observer.get(`${base}/priorities/stalled?days=soon`)).status).toBe(400);
		expect(
			(await observer.get(`${base}/decisions/without-community-input?from=never`)).status
		).toBe(400);
	});

	it('is not found under another partnership', async () => {
		for (const path of [
			'trace',
			'trace.csv',
			'priorities/stalled',
			'decisions/without-community-input',
			'priorities/time-to-decision'
		])
			expect((await outsider.get(`${base}/${path}`)).status, path).toBe(404);
	});

	it('downloads the table view as CSV, one row per priority', async () => {
		const res = await observer.get(`${base}/trace.csv?theme=Transport`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		const lines = res.text
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toContain('Forum,Priority,Theme,Status');
		expect(lines).toHaveLength(2);
		expect(lines[1]).toContain('Bus to the clinic');
		expect(lines[1]).toContain('Consult');
		expect(lines[1]).toContain('Involve');
		expect(lines[1]).toContain('L1 Healthier lives');
	});
});

describe('the views', () => {
	it('lists open priorities with no event for the given days, 60 by default', async () => {
		const stalled = (await observer.get(`${base}/priorities/stalled`)).json;
		// p3 is waiting at the theme group; p2 was declined (back with its forum), p1 decided 10 days ago.
		expect(stalled.map((s: { id: string }) => s.id)).toEqual([ids.p3]);
		expect(stalled[0]).toMatchObject({
			title: 'Youth club',
			status: 'SUBMITTED',
			heldBy: { id: fx.bodies.theme.id },
			daysSince: 399
		});
		const week = (await observer.get(`${base}/priorities/stalled?days=7`)).json;
		expect(week.map((s: { id: string }) => s.id).sort()).toEqual([ids.p1, ids.p3].sort());
		expect((await observer.get(`${base}/priorities/stalled?days=500`)).json).toEqual([]);
	});

	it('lists decisions no priority is linked to', async () => {
		const res = await observer.get(`${base}/decisions/without-community-input`);
		expect(res.status).toBe(200);
		expect(res.json.map((d: { id: string }) => d.id)).toEqual([ids.budget]);
		expect(res.json[0]).toMatchObject({
			itemTitle: 'Budget',
			wording: 'The board sets the budget.'
		});
		const none = await observer.get(`${base}/decisions/without-community-input?from=${dayAgo(15)}`);
		expect(none.json).toEqual([]);
	});

	it('gives the days from raised to decided, with the median and range', async () => {
		const res = await observer.get(`${base}/priorities/time-to-decision`);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ medianDays: 50, minDays: 50, maxDays: 50 });
		expect(res.json.priorities).toEqual([
			expect.objectContaining({ id: ids.p1, title: 'Bus to the clinic', days: 50 })
		]);
	});
});
