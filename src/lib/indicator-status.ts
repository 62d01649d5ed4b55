// Whether an indicator is on track: a pure rule over its baseline, target and readings, written out in
// docs/OUTCOMES.md and shown beside every status so nobody has to trust a colour.
//
// The trajectory is the straight line from the baseline (value, date) to the target (value, date); before
// the baseline it is the baseline, after the target the target. The latest reading (corrections replacing
// what they correct) is compared with the trajectory at its date, in the direction that is better:
// - no reading, or none in the RECENT_DAYS before today: no recent reading;
// - at or better than the trajectory: on track;
// - behind it by no more than AT_RISK_SHARE of the whole planned change, and no worse than the baseline:
//   at risk;
// - further behind, or worse than the baseline: off track.
// An indicator whose target is its baseline (hold the line) is on track while no worse than the baseline.
//
// Shared by outcomes/ (the indicator pages) and priorities/ (the trace, which sits below outcomes in the
// house of imports): a pure rule, so it lives with the other client-safe code in src/lib.

export type IndicatorStatus = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | 'NO_RECENT_READING';

/** A reading older than this (about thirteen months) no longer says where an indicator stands. */
export const RECENT_DAYS = 400;
/** How far behind the trajectory, as a share of the planned change, still counts as at risk. */
export const AT_RISK_SHARE = 0.25;

const DAY = 86_400_000;

export interface Plan {
	direction: 'UP' | 'DOWN';
	baselineValue: number;
	/** YYYY-MM-DD */
	baselineOn: string;
	targetValue: number;
	targetOn: string;
}

export interface Reading {
	value: number;
	on: string;
}

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The trajectory's value on `day`. */
export function expectedOn(plan: Plan, day: string): number {
	const from = time(plan.baselineOn);
	const to = time(plan.targetOn);
	const at = time(day);
	if (at <= from || to <= from) return at >= to ? plan.targetValue : plan.baselineValue;
	if (at >= to) return plan.targetValue;
	return plan.baselineValue + ((plan.targetValue - plan.baselineValue) * (at - from)) / (to - from);
}

/** The latest of the readings by date (the caller passes the readings in force: corrections applied). */
export function latestReading<R extends Reading>(readings: readonly R[]): R | null {
	return readings.reduce<R | null>(
		(latest, r) => (!latest || r.on >= latest.on ? r : latest),
		null
	);
}

export function indicatorStatus(
	plan: Plan,
	readings: readonly Reading[],
	today: string
): IndicatorStatus {
	const latest = latestReading(readings);
	if (!latest || time(today) - time(latest.on) > RECENT_DAYS * DAY) return 'NO_RECENT_READING';
	// Positive is better, whichever way the indicator should move.
	const better = plan.direction === 'UP' ? 1 : -1;
	const ahead = (latest.value - expectedOn(plan, latest.on)) * better;
	const change = Math.abs(plan.targetValue - plan.baselineValue);
	const sinceBaseline = (latest.value - plan.baselineValue) * better;
	if (change === 0) return sinceBaseline >= 0 ? 'ON_TRACK' : 'OFF_TRACK';
	if (ahead >= 0) return 'ON_TRACK';
	if (sinceBaseline >= 0 && -ahead <= AT_RISK_SHARE * change) return 'AT_RISK';
	return 'OFF_TRACK';
}
