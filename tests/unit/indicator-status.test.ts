import { describe, expect, it } from 'vitest';
import { expectedOn, indicatorStatus, type Plan } from '../../src/lib/server/outcomes/index.ts';

// Baseline 100 on 1 April 2024, target 200 on 1 April 2026: 50 a year along the trajectory.
const up: Plan = {
	direction: 'UP',
	baselineValue: 100,
	baselineOn: '2024-04-01',
	targetValue: 200,
	targetOn: '2026-04-01'
};
const down: Plan = { ...up, direction: 'DOWN', baselineValue: 200, targetValue: 100 };
const today = '2025-05-01';

describe('the trajectory', () => {
	it('runs straight from the baseline to the target, and holds at each end', () => {
		expect(expectedOn(up, '2023-01-01')).toBe(100);
		expect(expectedOn(up, '2024-04-01')).toBe(100);
		expect(expectedOn(up, '2025-04-01')).toBe(150);
		expect(expectedOn(up, '2026-04-01')).toBe(200);
		expect(expectedOn(up, '2027-01-01')).toBe(200);
	});
});

describe('the status of the latest reading', () => {
	const on = '2025-04-01'; // trajectory 150; a quarter of the planned change is 25
	it.each([
		[up, 150, 'ON_TRACK'],
		[up, 170, 'ON_TRACK'],
		[up, 126, 'AT_RISK'],
		[up, 124, 'OFF_TRACK'],
		[up, 95, 'OFF_TRACK'],
		[down, 150, 'ON_TRACK'],
		[down, 174, 'AT_RISK'],
		[down, 176, 'OFF_TRACK']
	])('%o reading %d: %s', (plan, value, status) => {
		expect(indicatorStatus(plan, [{ value, on }], today)).toBe(status);
	});

	it('takes the latest reading by date, whatever the order given', () => {
		const readings = [
			{ value: 170, on: '2025-04-01' },
			{ value: 100, on: '2024-10-01' }
		];
		expect(indicatorStatus(up, readings, today)).toBe('ON_TRACK');
	});

	it('is off track when worse than the baseline, even early on', () => {
		expect(indicatorStatus(up, [{ value: 99, on: '2024-04-15' }], '2024-05-01')).toBe('OFF_TRACK');
	});

	it('has no recent reading with none at all, or none in the last 400 days', () => {
		expect(indicatorStatus(up, [], today)).toBe('NO_RECENT_READING');
		expect(indicatorStatus(up, [{ value: 200, on: '2024-03-26' }], today)).toBe(
			'NO_RECENT_READING'
		);
		expect(indicatorStatus(up, [{ value: 200, on: '2024-03-27' }], today)).toBe('ON_TRACK');
	});

	it('holding the line (target equals baseline): on track unless worse than the baseline', () => {
		const hold = { ...up, targetValue: 100 };
		expect(indicatorStatus(hold, [{ value: 100, on }], today)).toBe('ON_TRACK');
		expect(indicatorStatus(hold, [{ value: 99, on }], today)).toBe('OFF_TRACK');
	});
});
