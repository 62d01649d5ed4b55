// The influence promised against the influence achieved, in the words every page uses.
import { describe, expect, it } from 'vitest';
import { influenceGap, influenceWords, isOverdue, promiseOf } from '../../src/lib/influence.ts';

const ev = (type: string, more: Record<string, string | null> = {}) => ({
	type,
	influenceDeclared: null,
	influenceAchieved: null,
	hearBackBy: null,
	...more
});

describe('promised against achieved', () => {
	it('says the difference in words', () => {
		expect(influenceWords('INVOLVE', 'CONSULT')).toBe(
			'Promised: Involve; achieved: Consult — less than promised'
		);
		expect(influenceWords('CONSULT', 'CONSULT')).toBe(
			'Promised: Consult; achieved: Consult — as promised'
		);
		expect(influenceWords('CONSULT', 'EMPOWER')).toBe(
			'Promised: Consult; achieved: Empower — more than promised'
		);
		expect(influenceWords('INVOLVE', null)).toBe('Promised: Involve; not decided yet');
		expect(influenceWords(null, 'INFORM')).toBe('No influence promised; achieved: Inform');
		expect(influenceGap(null, 'INFORM')).toBeNull();
	});

	it('takes the promise from the latest acceptance and the achieved level from the decision', () => {
		const p = promiseOf([
			ev('ACCEPTED', { influenceDeclared: 'CONSULT', hearBackBy: '2026-05-01' }),
			ev('PASSED_ON'),
			ev('ACCEPTED', { influenceDeclared: 'INVOLVE', hearBackBy: '2026-07-01' }),
			ev('DECIDED', { influenceAchieved: 'CONSULT' })
		]);
		expect(p).toEqual({
			promised: 'INVOLVE',
			hearBackBy: '2026-07-01',
			achieved: 'CONSULT',
			answered: true
		});
	});

	it('reads a level declared with an earlier decision as the promise', () => {
		const p = promiseOf([
			ev('ACCEPTED'),
			ev('DECIDED', { influenceDeclared: 'COLLABORATE', influenceAchieved: 'INVOLVE' })
		]);
		expect([p.promised, p.achieved]).toEqual(['COLLABORATE', 'INVOLVE']);
	});

	it('is overdue once the hear-back day has passed with no answer', () => {
		const accepted = [ev('ACCEPTED', { influenceDeclared: 'CONSULT', hearBackBy: '2026-05-01' })];
		expect(isOverdue(promiseOf(accepted), '2026-05-01')).toBe(false);
		expect(isOverdue(promiseOf(accepted), '2026-05-02')).toBe(true);
		for (const answer of ['DECIDED', 'DECLINED', 'FEEDBACK_PUBLISHED', 'CLOSED'])
			expect(isOverdue(promiseOf([...accepted, ev(answer)]), '2026-05-02'), answer).toBe(false);
		expect(isOverdue(promiseOf([ev('ACCEPTED')]), '2026-05-02')).toBe(false);
	});
});
