// The demo's indicators, one for each of four LOIP outcomes, defined by the partnership manager and read
// monthly by the partner that measures each, through the same commands as the pages: smoking falling
// ahead of its trajectory (on track), child poverty a little behind (at risk), school leavers' positive
// destinations slipping below the baseline (off track), and anti-social behaviour with no reading since
// the police changed their recording system (no recent reading). Smoking and school leavers have a reading
// since the board's annual review, whose decisions' actions serve their outcomes: the trace shows one
// better and one worse since the decision.
import type { Actor } from '../src/lib/server/access/index.ts';
import { defineIndicator, recordReading } from '../src/lib/server/outcomes/index.ts';
import { atTime } from '../src/lib/server/platform/index.ts';
import { daysFromToday } from './meeting.ts';

interface DemoIndicator {
	outcomeId: string;
	name: string;
	unit: string;
	sourceOrganisationId: string;
	direction: 'UP' | 'DOWN';
	baseline: number;
	target: number;
	/** Who records the readings: a member of the source partner. */
	readBy: Actor;
	source: string;
	/** The readings, `days` from today (negative: past), as the gap from the trajectory on that day. */
	readings: { days: number; offTrajectory: number; note?: string }[];
}

/** The baseline two years ago and the target three years ahead, as the LOIP set them. */
const BASELINE_DAYS = -730;
const TARGET_DAYS = 1095;

const day = (days: number) => daysFromToday(days, 12).toISOString().slice(0, 10);
const trajectory = (i: DemoIndicator, days: number) =>
	i.baseline + ((i.target - i.baseline) * (days - BASELINE_DAYS)) / (TARGET_DAYS - BASELINE_DAYS);
/** The last twelve months, a reading a month, the latest a month ago. */
const monthly = (gap: (month: number) => number) =>
	Array.from({ length: 12 }, (_, m) => ({ days: -365 + m * 30 + 5, offTrajectory: gap(m) }));

export async function recordDemoIndicators(
	admin: Actor,
	indicators: DemoIndicator[]
): Promise<void> {
	for (const indicator of indicators) {
		const { id } = await atTime(daysFromToday(-140, 11), () =>
			defineIndicator(admin, indicator.outcomeId, {
				name: indicator.name,
				unit: indicator.unit,
				sourceOrganisationId: indicator.sourceOrganisationId,
				geography: 'Strathmuir',
				direction: indicator.direction,
				baselineValue: indicator.baseline,
				baselineOn: day(BASELINE_DAYS),
				targetValue: indicator.target,
				targetOn: day(TARGET_DAYS)
			})
		);
		for (const reading of indicator.readings) {
			const value = Number(
				(trajectory(indicator, reading.days) + reading.offTrajectory).toFixed(1)
			);
			// Readings from before the indicator was set up were entered on the day it was; recent ones a
			// fortnight after the day they are for, but never later than yesterday.
			await atTime(daysFromToday(Math.max(Math.min(reading.days + 14, -1), -139), 10), () =>
				recordReading(indicator.readBy, id, {
					value,
					on: day(reading.days),
					source: indicator.source,
					note: reading.note ?? ''
				})
			);
		}
	}
}

export function demoIndicators(
	outcomes: { health: string; poverty: string; work: string; safer: string },
	organisations: { nhs: string; council: string; college: string; police: string },
	people: { nhs: Actor; officer: Actor; college: Actor; police: Actor }
): DemoIndicator[] {
	return [
		{
			outcomeId: outcomes.health,
			name: 'Adults who smoke',
			unit: '%',
			sourceOrganisationId: organisations.nhs,
			direction: 'DOWN',
			baseline: 17,
			target: 12,
			readBy: people.nhs,
			source: 'Scottish Health Survey, local boost sample',
			readings: [
				...monthly((m) => -0.2 - (m % 3) * 0.1),
				{ days: -10, offTrajectory: -0.6, note: 'Early figure from the quarterly boost sample.' }
			]
		},
		{
			outcomeId: outcomes.poverty,
			name: 'Children in relative poverty after housing costs',
			unit: '%',
			sourceOrganisationId: organisations.council,
			direction: 'DOWN',
			baseline: 24,
			target: 18,
			readBy: people.officer,
			source: 'Local child poverty estimates',
			readings: monthly((m) => 0.3 + m * 0.08)
		},
		{
			outcomeId: outcomes.work,
			name: 'School leavers in a positive destination',
			unit: '%',
			sourceOrganisationId: organisations.college,
			direction: 'UP',
			baseline: 91,
			target: 95,
			readBy: people.college,
			source: 'Initial leaver destinations',
			readings: [
				...monthly((m) => -0.6 - m * 0.2),
				{ days: -10, offTrajectory: -3.1, note: 'Follow-up survey of this year’s leavers.' }
			]
		},
		{
			outcomeId: outcomes.safer,
			name: 'Anti-social behaviour incidents per 1,000 residents',
			unit: 'per 1,000',
			sourceOrganisationId: organisations.police,
			direction: 'DOWN',
			baseline: 38,
			target: 30,
			readBy: people.police,
			source: 'Police incident recording',
			readings: [
				{ days: -640, offTrajectory: -0.4 },
				{ days: -550, offTrajectory: 0.2 },
				{
					days: -460,
					offTrajectory: 0.1,
					note: 'Last figure before the move to the new incident recording system.'
				}
			]
		}
	];
}
