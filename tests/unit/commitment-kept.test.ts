import { describe, expect, it } from 'vitest';
import { commitmentKept, type CommitmentEvidence } from '../../src/lib/server/outcomes/index.ts';
import { reportingYear, reportingYearDays, reportingYearOf } from '../../src/lib/dates.ts';

const today = '2026-06-01';
const given = (evidence: Partial<CommitmentEvidence>) =>
	commitmentKept({ needsRatification: false, ratified: false, actions: [], today, ...evidence });
const action = (
	status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DROPPED',
	dueOn: string | null = null
) => ({
	status,
	dueOn
});

describe('whether a commitment was kept', () => {
	it('is kept when every action the decision gave the partner is done', () => {
		expect(given({ actions: [action('DONE'), action('DONE')] })).toEqual({
			state: 'KEPT',
			reason: 'Every action it was given at the decision is done (2).'
		});
	});

	it('is not kept when any of them was dropped, whatever else was done', () => {
		const verdict = given({ actions: [action('DONE'), action('DROPPED')] });
		expect(verdict.state).toBe('NOT_KEPT');
		expect(verdict.reason).toBe('1 action it was given at the decision was dropped.');
	});

	it('waits for ratification before anything else counts', () => {
		expect(given({ needsRatification: true, actions: [action('DONE')] }).state).toBe(
			'AWAITING_RATIFICATION'
		);
		expect(
			given({ needsRatification: true, ratified: true, actions: [action('DONE')] }).state
		).toBe('KEPT');
		// Ratified with no action to show: its own governance's word is the record.
		expect(given({ needsRatification: true, ratified: true }).state).toBe('KEPT');
	});

	it('is overdue when an open action is past its due date, in hand while none is', () => {
		expect(given({ actions: [action('OPEN', '2026-05-31'), action('DONE')] })).toEqual({
			state: 'OVERDUE',
			reason: '1 action it was given at the decision is past its due date and not done.'
		});
		expect(given({ actions: [action('IN_PROGRESS', '2026-06-01'), action('DONE')] })).toEqual({
			state: 'IN_HAND',
			reason: '1 action done, 1 still open and not yet due.'
		});
		expect(given({ actions: [action('OPEN')] }).state).toBe('IN_HAND');
	});

	it('cannot be told when the decision gave the partner no action', () => {
		expect(given({}).state).toBe('NO_ACTION');
	});
});

describe('reporting years', () => {
	it('run from 1 April to 31 March and are named by both years', () => {
		expect(reportingYear(2025)).toBe('2025/26');
		expect(reportingYear(2099)).toBe('2099/00');
		expect(reportingYearDays(2025)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
		expect(reportingYearOf('2026-03-31')).toBe(2025);
		expect(reportingYearOf('2026-04-01')).toBe(2026);
	});
});
