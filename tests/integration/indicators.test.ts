// An outcome's indicators through the API: officers define them, the source partner records readings
// (append-only, corrections kept), and each indicator's status follows the documented rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.ts';
import { makePartnership, type Fixture } from '../support/factories.ts';
import { makeMemberOf } from '../support/meetings.ts';
import { signedIn } from '../support/people.ts';
import { auditCounter } from '../support/records.ts';
import { fromToday } from '../support/outcomes.ts';
import { startServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let fx: Fixture;
let other: Fixture;
let outcomeId: string;
let officer: Client;
let observer: Client;
/** A member from the council, which measures the indicators here. */
let council: Client;
/** A member from the health board, which does not. */
let health: Client;
let outsider: Client;

beforeAll(async () => {
	server = await startServer();
	fx = await makePartnership(server.db, 'alpha');
	other = await makePartnership(server.db, 'beta');
	outcomeId = (
		await server.db.outcome.create({
			data: {
				partnershipId: fx.partnership.id,
				kind: 'LOIP',
				code: '1.1',
				title: 'More adults in work'
			}
		})
	).id;
	officer = await signedIn(server.url, fx.members.SECRETARIAT.email);
	observer = await signedIn(server.url, fx.members.OBSERVER.email);
	council = await signedIn(server.url, fx.members.MEMBER.email);
	health = await signedIn(server.url, (await makeMemberOf(server.db, fx, 'health')).email);
	outsider = await signedIn(server.url, other.members.ADMIN.email);
});
afterAll(() => server?.stop());

const DAY = 86_400_000;

let named = 0;
const plan = (change: Record<string, unknown> = {}) => ({
	name: `Adults in work ${++named}`,
	unit: '%',
	sourceOrganisationId: fx.organisations.council.id,
	geography: 'Whole area',
	direction: 'UP',
	baselineValue: 100,
	baselineOn: fromToday(-730),
	targetValue: 200,
	targetOn: fromToday(730),
	...change
});
const define = (body: unknown, who = officer) =>
	who.post(`/api/v1/outcomes/${outcomeId}/indicators`, body);
const record = (indicatorId: string, body: Record<string, unknown>, who: Client = council) =>
	who.post(`/api/v1/indicators/${indicatorId}/readings`, {
		source: 'Annual population survey',
		...body
	});
const rows = async () => ({
	indicators: await server.db.indicator.count(),
	readings: await server.db.indicatorReading.count()
});

describe('defining an indicator', () => {
	it('an officer defines one: shown with its plan, no readings and no recent reading, audited', async () => {
		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await define(
			plan({ name: 'Employment rate, 16 to 64', baselineValue: '1,250.5', targetValue: 1300 })
		);
		expect(res.status, res.text).toBe(201);
		expect(res.json).toMatchObject({
			outcomeId,
			name: 'Employment rate, 16 to 64',
			unit: '%',
			sourceOrganisationName: 'Council (alpha)',
			direction: 'UP',
			baseline: { value: 1250.5, on: fromToday(-730) },
			readings: [],
			latest: null,
			status: 'NO_RECENT_READING',
			statusReason: 'No reading has been recorded yet.'
		});
		expect(await written()).toBe(1);
		const outcome = (await observer.get(`/api/v1/outcomes/${outcomeId}`)).json;
		expect(outcome.indicators.map((i: { name: string }) => i.name)).toContain(
			'Employment rate, 16 to 64'
		);
	});

	it.each([
		['a target date before the baseline', { targetOn: fromToday(-800) }, ['targetOn']],
		['a target worse than the baseline', { targetValue: 90 }, ['targetValue']],
		[
			'a target higher than the baseline when down is better',
			{ direction: 'DOWN' },
			['targetValue']
		],
		[
			'values that are not numbers',
			{ baselineValue: 'about 12', targetValue: '' },
			['baselineValue', 'targetValue']
		],
		[
			'no direction or source',
			{ direction: 'SIDEWAYS', sourceOrganisationId: null },
			['direction', 'sourceOrganisationId']
		],
		[
			'a source of another partnership',
			() => ({ sourceOrganisationId: other.organisations.council.id }),
			['sourceOrganisationId']
		],
		['a name the outcome already has', { name: 'Employment rate, 16 to 64' }, ['name']]
	])('with %s → 400, nothing written', async (_, change, fields) => {
		const before = await rows();
		const res = await define(plan(typeof change === 'function' ? change() : change));
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields).sort()).toEqual(fields);
		expect(await rows()).toEqual(before);
	});

	it('is for officers: a member gets 403, another partnership 404', async () => {
		const before = await rows();
		expect((await define(plan(), council)).status).toBe(403);
		expect((await define(plan(), outsider)).status).toBe(404);
		expect((await outsider.get(`/api/v1/outcomes/${outcomeId}`)).status).toBe(404);
		expect(await rows()).toEqual(before);
	});
});

describe('recording readings', () => {
	let indicatorId: string;
	beforeAll(async () => {
		indicatorId = (await define(plan())).json.id;
	});

	it('the source partner records one; another partner or an observer cannot', async () => {
		const before = await rows();
		expect((await record(indicatorId, { value: 150, on: fromToday(-30) }, health)).status).toBe(
			403
		);
		expect((await record(indicatorId, { value: 150, on: fromToday(-30) }, observer)).status).toBe(
			403
		);
		expect((await record(indicatorId, { value: 150, on: fromToday(-30) }, outsider)).status).toBe(
			404
		);
		expect(await rows()).toEqual(before);

		const res = await record(indicatorId, { value: 150, on: fromToday(-30), note: 'Provisional' });
		expect(res.status, res.text).toBe(201);
		expect(res.json.readings).toEqual([
			expect.objectContaining({
				value: 150,
				on: fromToday(-30),
				source: 'Annual population survey',
				note: 'Provisional',
				recordedBy: 'member of alpha',
				corrected: false
			})
		]);
		expect(res.json.latest).toMatchObject({ value: 150, on: fromToday(-30) });
	});

	it.each([
		['a date still to come', { value: 1, on: fromToday(2) }, ['on']],
		['a date that already has a reading', { value: 1, on: fromToday(-30) }, ['on']],
		['no value or source', { value: null, source: '' }, ['on', 'source', 'value']],
		[
			'a reading of another indicator to correct',
			{ value: 1, on: fromToday(-5), correctsReadingId: 'z'.repeat(24) },
			['correctsReadingId']
		]
	])('with %s → 400, nothing written', async (_, body, fields) => {
		const before = await rows();
		const res = await record(indicatorId, body);
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.error.fields).sort()).toEqual(fields);
		expect(await rows()).toEqual(before);
	});

	it('a correction replaces a reading in the figures and keeps it in the record; once only', async () => {
		const first = (await server.db.indicatorReading.findFirstOrThrow({ where: { indicatorId } }))
			.id;
		const res = await record(indicatorId, {
			value: 155,
			on: fromToday(-30),
			note: 'Final figure',
			correctsReadingId: first
		});
		expect(res.status, res.text).toBe(201);
		expect(
			res.json.readings.map((r: { value: number; corrected: boolean }) => [r.value, r.corrected])
		).toEqual([
			[150, true],
			[155, false]
		]);
		expect(res.json.latest.value).toBe(155);
		const again = await record(indicatorId, {
			value: 160,
			on: fromToday(-30),
			correctsReadingId: first
		});
		expect(again.status).toBe(400);
	});

	it('readings cannot be changed or deleted, even by the database’s own users', async () => {
		await expect(server.db.indicatorReading.updateMany({ data: { value: 0 } })).rejects.toThrow(
			/append-only/
		);
		await expect(server.db.indicatorReading.deleteMany({})).rejects.toThrow(/append-only/);
	});
});

describe('the status, by the documented rule', () => {
	// Baseline 100 two years ago, target 200 in two years: the trajectory is about 148 a month ago.
	it.each([
		['ON_TRACK', 160, -30, 'is at or better than the trajectory’s'],
		['AT_RISK', 140, -30, 'by no more than a quarter of the planned change'],
		['OFF_TRACK', 110, -30, 'by more than a quarter of the planned change'],
		['NO_RECENT_READING', 180, -500, 'is more than thirteen months old']
	])('%s for %d recorded %d days ago', async (status, value, days, reason) => {
		const id = (await define(plan())).json.id;
		const res = await record(id, { value, on: fromToday(days) });
		expect(res.json.status).toBe(status);
		expect(res.json.statusReason).toContain(reason);
	});

	it('down is better: below the trajectory is on track', async () => {
		const id = (await define(plan({ direction: 'DOWN', baselineValue: 200, targetValue: 100 })))
			.json.id;
		expect((await record(id, { value: 140, on: fromToday(-30) })).json.status).toBe('ON_TRACK');
	});
});

describe('importing readings from a CSV', () => {
	let indicatorId: string;
	beforeAll(async () => {
		indicatorId = (await define(plan())).json.id;
		await record(indicatorId, { value: 120, on: fromToday(-60) });
	});
	const importing = (csv: string, confirm = false, who: Client = council) =>
		who.post(`/api/v1/indicators/${indicatorId}/readings/import`, { csv, confirm });
	const good = [
		'Date,Value,Source,Note',
		`${fromToday(-90)},"1,150.5",Annual survey,"First, provisional"`,
		// As a spreadsheet in the UK writes dates.
		`${fromToday(-30).split('-').reverse().join('/')},130,Annual survey,`
	].join('\n');

	it('a preview checks every row and writes nothing', async () => {
		const before = await rows();
		const res = await importing(good);
		expect(res.status, res.text).toBe(200);
		expect(res.json).toMatchObject({ valid: true, written: 0 });
		expect(res.json.rows).toEqual([
			expect.objectContaining({ line: 2, on: fromToday(-90), value: '1,150.5', problems: [] }),
			expect.objectContaining({ line: 3, on: fromToday(-30), value: '130', problems: [] })
		]);
		expect(await rows()).toEqual(before);
	});

	it('names each row’s problems; confirming such a file writes nothing', async () => {
		const bad = [
			'date,value,source',
			`${fromToday(-60)},125,Annual survey`,
			`${fromToday(5)},125,Annual survey`,
			'31/02/2026,12,Annual survey',
			`${fromToday(-20)},about twelve,`,
			`${fromToday(-10)},1,Annual survey`,
			`${fromToday(-10)},2,Annual survey`
		].join('\n');
		const preview = await importing(bad);
		expect(preview.json.valid).toBe(false);
		expect(
			preview.json.rows.map((r: { line: number; problems: string[] }) => [
				r.line,
				r.problems.length
			])
		).toEqual([
			[2, 1],
			[3, 1],
			[4, 1],
			[5, 2],
			[6, 0],
			[7, 1]
		]);
		expect(preview.json.rows[0].problems[0]).toContain('There is already a reading for');
		expect(preview.json.rows[5].problems[0]).toContain('(line 6)');

		const before = await rows();
		const confirmed = await importing(bad, true);
		expect(confirmed.status).toBe(400);
		expect(confirmed.json.error.fields.csv).toContain(
			'Nothing was imported: 5 rows need correcting'
		);
		expect(await rows()).toEqual(before);
	});

	it('a file without the columns, or with no rows, says so', async () => {
		expect((await importing('when,how much\n2026-01-01,3')).json.error.fields.csv).toContain(
			'date, value, source'
		);
		expect((await importing('date,value,source\n')).json.error.fields.csv).toContain('no readings');
	});

	it('confirmed, records every row in one go, audited once; not for another partner', async () => {
		const before = await rows();
		expect((await importing(good, true, health)).status).toBe(403);
		expect(await rows()).toEqual(before);

		const written = await auditCounter(server.db, { partnershipId: fx.partnership.id });
		const res = await importing(good, true);
		expect(res.json).toMatchObject({ valid: true, written: 2 });
		expect(await written()).toBe(1);
		const outcome = (await council.get(`/api/v1/outcomes/${outcomeId}`)).json;
		const indicator = outcome.indicators.find((i: { id: string }) => i.id === indicatorId);
		expect(indicator.readings.map((r: { value: number }) => r.value)).toEqual([1150.5, 120, 130]);
		expect(indicator.readings[0].note).toBe('First, provisional');
	});
});

describe('a performance item’s paper in the board pack', () => {
	it('carries the indicators as they stood on the meeting’s day, not what was recorded since', async () => {
		const meetingDay = new Date(Date.now() - 20 * DAY);
		const meeting = await server.db.meeting.create({
			data: {
				partnershipId: fx.partnership.id,
				bodyId: fx.bodies.board.id,
				title: 'Board, performance',
				startsAt: meetingDay,
				status: 'AGENDA_ISSUED',
				agendaIssuedAt: meetingDay,
				createdById: fx.members.SECRETARIAT.userId
			}
		});
		await server.db.agendaItem.create({
			data: {
				id: 'performanceitem0000001',
				meetingId: meeting.id,
				order: 1,
				title: 'Performance report',
				purpose: 'PERFORMANCE'
			}
		});
		const id = (await define(plan({ name: 'Households in fuel poverty' }))).json.id;
		// Defined before the meeting, as an indicator in its papers must have been.
		await server.db.indicator.update({
			where: { id },
			data: { createdAt: new Date(Date.now() - 60 * DAY) }
		});
		// Known before the meeting: a reading of 160, then corrected (after the meeting) to 90.
		const before = await server.db.indicatorReading.create({
			data: {
				indicatorId: id,
				value: 160,
				on: new Date(fromToday(-40)),
				source: 'Survey',
				note: '',
				recordedById: fx.members.MEMBER.userId,
				recordedAt: new Date(Date.now() - 30 * DAY)
			}
		});
		await record(id, { value: 90, on: fromToday(-40), correctsReadingId: before.id });
		await record(id, { value: 170, on: fromToday(-5) });

		const pack = await council.get(`/p/alpha/meetings/${meeting.id}/pack`);
		expect(pack.status).toBe(200);
		const row = pack.text.slice(pack.text.indexOf('Households in fuel poverty'));
		expect(row).toContain('160%');
		expect(row).toContain('On track');
		expect(pack.text).not.toContain('170%');
		expect(pack.text).not.toContain('90%');
	});
});
