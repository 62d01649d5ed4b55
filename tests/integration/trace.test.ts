// Traceability views over a small known record arranged straight into the database: the flow graph's
// nodes and links, each filter, the table as CSV, stalled priorities, decisions without community input,
// time from raised to decided; the chain on to the outcome's indicators, with how each moved since the
// decision; 400 on a bad query, 404 under another partnership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { signedIn } from '../support/people.ts';
import { prioritiesApi } from '../../src/lib/server/priorities/index.ts';
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

	// The outcome's indicators. Down is better for the waits. Readings before the bus decision (ten days
	// ago): 28%, then 26% corrected to 27% (the figure in force on the decision's day); after it 20%,
	// corrected to 25%, the latest in force. The second indicator has no reading since the decision.
	const indicator = (name: string) =>
		server.db.indicator.create({
			data: {
				partnershipId: fx.partnership.id,
				outcomeId: outcome.id,
				name,
				unit: '%',
				sourceOrganisationId: council.id,
				geography: 'Whole area',
				direction: 'DOWN',
				baselineValue: 30,
				baselineOn: new Date('2025-04-01'),
				targetValue: 20,
				targetOn: new Date('2030-03-31'),
				createdById: fx.members.ADMIN.userId
			}
		});
	const waits = await indicator('People waiting over a week for a GP appointment');
	// Up is better; its one reading comes after the decision, so the baseline is what it is compared with.
	const journeys = await server.db.indicator.update({
		where: { id: (await indicator('Zero-hours bus journeys')).id },
		data: { unit: 'journeys', direction: 'UP', baselineValue: 100, targetValue: 150 }
	});
	const missed = await indicator('Hospital appointments missed');
	const reading = (indicatorId: string, days: number, value: number, correctsId?: string) =>
		server.db.indicatorReading.create({
			data: {
				indicatorId,
				value,
				on: new Date(`${dayAgo(days)}T00:00:00Z`),
				source: 'Practice returns',
				note: '',
				correctsId: correctsId ?? null,
				recordedById: fx.members.SECRETARIAT.userId,
				recordedAt: new Date(ago(Math.max(days - 1, 0)))
			}
		});
	await reading(waits.id, 40, 28);
	const wrongBefore = await reading(waits.id, 15, 26);
	await reading(waits.id, 15, 27, wrongBefore.id);
	const wrongAfter = await reading(waits.id, 5, 20);
	await reading(waits.id, 5, 25, wrongAfter.id);
	await reading(missed.id, 30, 12);
	await reading(journeys.id, 2, 90);
	Object.assign(ids, {
		p1: p1.id,
		p2: p2.id,
		p3: p3.id,
		bus: bus.decision.id,
		busItem: bus.item.id,
		budget: budget.decision.id,
		action: action.id,
		outcome: outcome.id,
		waits: waits.id,
		missed: missed.id,
		journeys: journeys.id
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
		expect(nodes.filter((n: { type: string }) => n.type === 'indicator')).toHaveLength(3);
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
				`priority:${ids.p3} outcome outcome:${ids.outcome}`,
				`outcome:${ids.outcome} indicator indicator:${ids.waits}`,
				`outcome:${ids.outcome} indicator indicator:${ids.missed}`
			])
		);
		expect(links).toContainEqual({
			source: p1,
			target: `decision:${ids.bus}`,
			type: 'decided',
			// Declared with the decision (a record made before the promise moved to the acceptance): the promise.
			influenceDeclared: 'CONSULT',
			influenceAchieved: 'INVOLVE',
			influenceGap: 'MORE'
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

describe('the trace to the indicators', () => {
	const busDay = () => dayAgo(10);

	it('follows priority → decision → action → outcome → indicator, with the movement since the decision', async () => {
		const res = await observer.get(`${base}/trace`);
		expect(res.status).toBe(200);
		// The JSON is what the OpenAPI document says it is.
		expect(() => prioritiesApi.trace.response.parse(res.json)).not.toThrow();
		const doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
		const documented = JSON.stringify(doc.paths['/api/v1/partnerships/{slug}/trace'].get.responses);
		for (const word of ['indicator', 'since', 'NO_READING_SINCE', 'decidedOn'])
			expect(documented).toContain(word);
		const waits = res.json.nodes.find((n: { id: string }) => n.id === `indicator:${ids.waits}`);
		expect(waits).toMatchObject({
			type: 'indicator',
			label: 'People waiting over a week for a GP appointment',
			indicator: {
				outcomeId: ids.outcome,
				unit: '%',
				direction: 'DOWN',
				latest: { value: 25, on: dayAgo(5) },
				chart: `/p/trace/outcomes/${ids.outcome}#indicator-${ids.waits}`
			}
		});
		expect(['ON_TRACK', 'AT_RISK', 'OFF_TRACK']).toContain(waits.indicator.status);
		// Only the bus decision's action serves the outcome; corrected readings (26 and 20) do not count:
		// 27 on the decision's side, 25 after it.
		expect(waits.indicator.since).toEqual([
			{
				decisionId: ids.bus,
				decidedOn: busDay(),
				before: { value: 27, on: dayAgo(15), kind: 'reading' },
				after: { value: 25, on: dayAgo(5) },
				change: -2,
				movement: 'BETTER',
				words: expect.stringMatching(
					/^Down 2 percentage points since the decision of .+, from 27% on .+ to 25% on .+: better, as down is better\.$/
				)
			}
		]);
		const missed = res.json.nodes.find((n: { id: string }) => n.id === `indicator:${ids.missed}`);
		expect(missed.indicator.since).toEqual([
			expect.objectContaining({
				decisionId: ids.bus,
				before: { value: 12, on: dayAgo(30), kind: 'reading' },
				after: null,
				change: null,
				movement: 'NO_READING_SINCE',
				words: expect.stringMatching(
					/^No reading since the decision of .+\. The latest, 12%, is for /
				)
			})
		]);
	});

	it('compares with the baseline when no reading is from before the decision', async () => {
		const { nodes } = (await observer.get(`${base}/trace`)).json;
		const node = nodes.find((n: { id: string }) => n.id === `indicator:${ids.journeys}`);
		expect(node.indicator.since).toEqual([
			expect.objectContaining({
				before: { value: 100, on: '2025-04-01', kind: 'baseline' },
				after: { value: 90, on: dayAgo(2) },
				change: -10,
				movement: 'WORSE'
			})
		]);
		expect(node.indicator.since[0].words).toMatch(
			/^Down 10 journeys since the decision of .+, from 100 journeys on 1 Apr 2025 \(the baseline\) to 90 journeys on .+: worse, as up is better\.$/
		);
	});

	it('leaves out the indicators of a priority filtered out, and keeps them for one filtered in', async () => {
		const types = async (q: string) =>
			(await observer.get(`${base}/trace?${q}`)).json.nodes.map((n: { type: string }) => n.type);
		expect(await types('theme=Poverty')).not.toContain('indicator');
		expect(await types('theme=Transport')).toContain('indicator');
	});

	it('puts the indicators and their movement in the CSV', async () => {
		const res = await observer.get(`${base}/trace.csv?theme=Transport`);
		const [header, bus] = res.text
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(header).toContain(
			'Outcomes,Indicators,Indicator status,Figure at the decision,Latest reading since,' +
				'Change since the decision,Movement since the decision'
		);
		expect(bus).toContain(
			'Hospital appointments missed; People waiting over a week for a GP appointment; Zero-hours bus journeys'
		);
		expect(bus).toContain(`12% (${dayAgo(30)}); 27% (${dayAgo(15)}); 100 journeys (2025-04-01)`);
		expect(bus).toContain(`–; 25% (${dayAgo(5)}); 90 journeys (${dayAgo(2)})`);
		expect(bus).toContain('–; -2 (better); -10 (worse)');
		expect(bus).toContain('Down 2 percentage points since the decision');
		// The youth club's outcome is its own tag: no decision to measure from.
		const youth = (await observer.get(`${base}/trace.csv?theme=Young%20people`)).text;
		expect(youth).toContain(
			'No decision’s action serves its outcome: the priority itself is tagged with it.'
		);
	});

	it('shows a reading recorded since the last read at once: the movements kept between reads start afresh', async () => {
		const missedNode = async () =>
			(await observer.get(`${base}/trace`)).json.nodes.find(
				(n: { id: string }) => n.id === `indicator:${ids.missed}`
			);
		expect((await missedNode()).indicator.since[0].movement).toBe('NO_READING_SINCE');
		await server.db.indicatorReading.create({
			data: {
				indicatorId: ids.missed,
				value: 9,
				on: new Date(`${dayAgo(1)}T00:00:00Z`),
				source: 'Practice returns',
				note: '',
				recordedById: fx.members.SECRETARIAT.userId,
				recordedAt: new Date()
			}
		});
		const after = await missedNode();
		expect(after.indicator.latest).toEqual({ value: 9, on: dayAgo(1) });
		expect(after.indicator.since).toEqual([
			expect.objectContaining({
				decisionId: ids.bus,
				before: { value: 12, on: dayAgo(30), kind: 'reading' },
				after: { value: 9, on: dayAgo(1) },
				change: -3,
				movement: 'BETTER'
			})
		]);
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
