import { describe, expect, it } from 'vitest';
import { latestCodes, type StoredCode } from '../../src/lib/server/review/index.ts';
import { prefillFrom } from '../../src/lib/server/review/index.ts';

let n = 0;
function code(
	category: StoredCode['category'],
	value: number | null,
	note = '',
	coder = 'a',
	contributionId = 't1'
): StoredCode {
	return {
		id: `c${++n}`,
		contributionId,
		coderMembershipId: coder,
		category,
		value,
		notApplicable: value === null,
		note,
		createdAt: new Date(2026, 0, 1, 0, 0, n)
	};
}

describe('the current codes', () => {
	it('are the latest row per contribution, coder and category', () => {
		const rows = [
			code('justification', 1),
			code('justification', 2, '', 'b'),
			code('justification', 3),
			code('storytelling', null),
			code('justification', 0, '', 'a', 't2')
		];
		const current = latestCodes(rows);
		expect(
			current.map((c) => [c.contributionId, c.coderMembershipId, c.category, c.value])
		).toEqual([
			['t1', 'a', 'justification', 3],
			['t1', 'b', 'justification', 2],
			['t1', 'a', 'storytelling', null],
			['t2', 'a', 'justification', 0]
		]);
	});
});

describe('the coding form filled in again from the stored codes', () => {
	it('shows the note most codes share as the quote, and only the others’ own notes', () => {
		const quote = 'We cannot plan beds without the figures';
		const prefill = prefillFrom([
			code('justification', 2, quote),
			code('storytelling', null, quote),
			code('interactivity', 0, 'Did not refer to anyone')
		]);
		expect(prefill).toEqual({
			quote,
			codes: {
				justification: { choice: '2', note: '' },
				storytelling: { choice: 'na', note: '' },
				interactivity: { choice: '0', note: 'Did not refer to anyone' }
			}
		});
	});

	it('takes no quote when no note is shared: a single code keeps its own note', () => {
		expect(prefillFrom([code('participation', 1, 'Spoke in full')])).toEqual({
			quote: '',
			codes: { participation: { choice: '1', note: 'Spoke in full' } }
		});
		expect(prefillFrom([])).toEqual({ quote: '', codes: {} });
	});
});
