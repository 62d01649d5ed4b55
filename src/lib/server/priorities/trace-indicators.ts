// The trace's last step: the indicators of the outcomes a priority's decisions reached through their
// actions, where each stands and how it moved since the decision. One read of the partnership's indicators
// and one of their readings in force (a corrected reading no longer counts, as on the outcome page), then
// everything in memory: the whole-period trace of a large partnership asks thousands of (indicator,
// decision) pairs, so each pair is worked out once and the words' figures and dates are formatted once.
import { bulkRead, now } from '../platform/index.ts';
import { dayInUk, formatDay } from '../../dates.ts';
import { indicatorStatus, type Plan } from '../../indicator-status.ts';
import { measure } from '../../text.ts';
import type { IndicatorSince, TraceIndicator } from './trace-shapes.ts';

interface Reading {
	value: number;
	/** YYYY-MM-DD */
	on: string;
}

export interface IndicatorRecord extends TraceIndicator {
	id: string;
	plan: Plan;
	/** In force, oldest first. */
	readings: Reading[];
}

/** The partnership's indicators by outcome, each with its readings in force and today's status. */
export async function indicatorsByOutcome(
	partnershipId: string,
	slug: string
): Promise<Map<string, IndicatorRecord[]>> {
	// One read: each indicator with its readings in force as one string, "2026-03-15=14.7,2026-04-15=14.5",
	// oldest first (a float8's text is its shortest exact form). Fifty indicators with five years of
	// monthly readings come back as fifty rows, not three thousand.
	const indicators = await bulkRead<
		(Omit<Plan, 'direction'> & {
			id: string;
			outcomeId: string;
			name: string;
			unit: string;
			direction: Plan['direction'];
			readings: string | null;
		})[]
	>`
		WITH "inForce" AS (
			SELECT r."indicatorId",
				string_agg(to_char(r."on", 'YYYY-MM-DD') || '=' || r.value::text, ',' ORDER BY r."on") AS readings
			FROM "IndicatorReading" r JOIN "Indicator" ri ON ri.id = r."indicatorId"
			WHERE ri."partnershipId" = ${partnershipId}
				AND NOT EXISTS (SELECT 1 FROM "IndicatorReading" c WHERE c."correctsId" = r.id)
			GROUP BY r."indicatorId")
		SELECT i.id, i."outcomeId", i.name, i.unit, i.direction::text AS direction,
			i."baselineValue", to_char(i."baselineOn", 'YYYY-MM-DD') AS "baselineOn",
			i."targetValue", to_char(i."targetOn", 'YYYY-MM-DD') AS "targetOn", f.readings
		FROM "Indicator" i LEFT JOIN "inForce" f ON f."indicatorId" = i.id
		WHERE i."partnershipId" = ${partnershipId} ORDER BY i.name, i.id`;
	const today = dayInUk(now());
	const byOutcome = new Map<string, IndicatorRecord[]>();
	for (const i of indicators) {
		const own: Reading[] = i.readings
			? i.readings
					.split(',')
					.map((pair) => ({ on: pair.slice(0, 10), value: Number(pair.slice(11)) }))
			: [];
		const plan: Plan = {
			direction: i.direction,
			baselineValue: i.baselineValue,
			baselineOn: i.baselineOn,
			targetValue: i.targetValue,
			targetOn: i.targetOn
		};
		const record: IndicatorRecord = {
			id: i.id,
			outcomeId: i.outcomeId,
			name: i.name,
			unit: i.unit,
			direction: i.direction,
			status: indicatorStatus(plan, own, today),
			latest: own.at(-1) ?? null,
			chart: `/p/${slug}/outcomes/${i.outcomeId}#indicator-${i.id}`,
			plan,
			readings: own
		};
		signatures.set(
			record,
			[
				i.unit,
				i.direction,
				i.baselineValue,
				i.baselineOn,
				i.targetValue,
				i.targetOn,
				i.readings
			].join('|')
		);
		const list = byOutcome.get(i.outcomeId);
		if (list) list.push(record);
		else byOutcome.set(i.outcomeId, [record]);
	}
	return byOutcome;
}

type Movement = Omit<IndicatorSince, 'decisionId'>;

/**
 * Days and figures as the sentences write them, kept between traces: a day or a figure always reads the
 * same, and a partnership's trace asks for the same few hundred each time. Emptied when it grows large.
 */
const written = new Map<string, string>();
const figuresWritten = new Map<string, Map<number, string>>();
const KEEP_AT_MOST = 20_000;

function day(on: string): string {
	let text = written.get(on);
	if (text === undefined) {
		if (written.size >= KEEP_AT_MOST) written.clear();
		written.set(on, (text = formatDay(on)));
	}
	return text;
}

/** Keyed by the number itself: turning it into a string for a key would cost as much as formatting it. */
function figure(value: number, unit: string): string {
	let ofUnit = figuresWritten.get(unit);
	if (!ofUnit) figuresWritten.set(unit, (ofUnit = new Map()));
	let text = ofUnit.get(value);
	if (text === undefined) {
		if (ofUnit.size >= KEEP_AT_MOST) ofUnit.clear();
		ofUnit.set(value, (text = measure(value, unit)));
	}
	return text;
}

/** What an indicator's movements depend on, as read: its unit, plan and readings in force. */
const signatures = new WeakMap<IndicatorRecord, string>();
/**
 * Each indicator's movements by day, kept between traces while its signature stays the same: a movement
 * depends only on those and the day, and a large partnership's trace asks for thousands of them. A new
 * reading, a correction or a changed plan gives a new signature, and the indicator's days start afresh.
 */
const remembered = new Map<string, { signature: string; byDay: Map<string, Movement> }>();
const REMEMBER_AT_MOST = 5_000;

/**
 * How indicators moved since decisions: `since(indicator, decision id, decision day)`. The figures and
 * words depend only on the indicator and the day (a meeting takes several decisions), so each (indicator,
 * day) is worked out once; the caller asks once per (indicator, decision).
 */
export function movements() {
	return (indicator: IndicatorRecord, decisionId: string, decidedOn: string): IndicatorSince => {
		const signature = signatures.get(indicator)!;
		let known = remembered.get(indicator.id);
		if (!known || known.signature !== signature) {
			if (!known && remembered.size >= REMEMBER_AT_MOST) remembered.clear();
			remembered.set(indicator.id, (known = { signature, byDay: new Map() }));
		}
		let movement = known.byDay.get(decidedOn);
		if (!movement) known.byDay.set(decidedOn, (movement = movementSince(indicator, decidedOn)));
		// Spelt out, not spread: thousands of these, and a literal is several times quicker to build.
		return {
			decisionId,
			decidedOn,
			before: movement.before,
			after: movement.after,
			change: movement.change,
			movement: movement.movement,
			words: movement.words
		};
	};
}

/**
 * The figure in force on the decision's day (the latest reading at or before it, else the baseline if it
 * is no later) against the latest reading, if that is for a later day; better or worse by the direction.
 */
function movementSince(indicator: IndicatorRecord, decidedOn: string): Movement {
	const { readings, plan, unit } = indicator;
	let before: IndicatorSince['before'] = null;
	const at = lastAtOrBefore(readings, decidedOn);
	if (at >= 0) before = { value: readings[at].value, on: readings[at].on, kind: 'reading' };
	if (!before && plan.baselineOn <= decidedOn)
		before = { value: plan.baselineValue, on: plan.baselineOn, kind: 'baseline' };
	const latest = readings.at(-1);
	const after = latest && latest.on > decidedOn ? { value: latest.value, on: latest.on } : null;
	const decision = `the decision of ${day(decidedOn)}`;
	if (!after)
		return {
			decidedOn,
			before,
			after,
			change: null,
			movement: 'NO_READING_SINCE',
			words: latest
				? `No reading since ${decision}. The latest, ${figure(latest.value, unit)}, is for ${day(latest.on)}.`
				: `No reading since ${decision}, nor before it.`
		};
	const lately = `${figure(after.value, unit)} on ${day(after.on)}`;
	if (!before)
		return {
			decidedOn,
			before,
			after,
			change: null,
			movement: 'NOTHING_TO_COMPARE',
			words: `${lately}, with no reading or baseline from before ${decision} to compare it with.`
		};
	// Rounded so that 15.8 − 16.1 reads as −0.3, not −0.30000000000000071.
	const change = Number((after.value - before.value).toFixed(6));
	const earlier = `${figure(before.value, unit)} on ${day(before.on)}${before.kind === 'baseline' ? ' (the baseline)' : ''}`;
	if (change === 0)
		return {
			decidedOn,
			before,
			after,
			change,
			movement: 'UNCHANGED',
			words: `Unchanged since ${decision}: ${earlier}, ${lately}.`
		};
	const better = change > 0 === (plan.direction === 'UP');
	const size =
		unit === '%'
			? `${figure(Math.abs(change), '')} percentage points`
			: figure(Math.abs(change), unit);
	return {
		decidedOn,
		before,
		after,
		change,
		movement: better ? 'BETTER' : 'WORSE',
		words:
			`${change > 0 ? 'Up' : 'Down'} ${size} since ${decision}, from ${earlier} to ${lately}: ` +
			`${better ? 'better' : 'worse'}, as ${plan.direction === 'UP' ? 'up' : 'down'} is better.`
	};
}

/** The index of the last reading (oldest first) for `day` or before it; -1 when there is none. */
function lastAtOrBefore(readings: Reading[], day: string): number {
	let low = 0;
	let high = readings.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (readings[mid].on <= day) low = mid + 1;
		else high = mid;
	}
	return low - 1;
}
