import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/lib/csv.ts';

describe('reading CSV', () => {
	it('reads quoted cells with commas, doubled quotes and line breaks, numbering rows by line', () => {
		const text =
			'\uFEFFdate,value,note\r\n2026-01-31,"1,250.5","Said ""final""\nafter review"\r\n\r\n2026-02-28,12,\n';
		expect(parseCsv(text)).toEqual([
			{ line: 1, cells: ['date', 'value', 'note'] },
			{ line: 2, cells: ['2026-01-31', '1,250.5', 'Said "final"\nafter review'] },
			{ line: 5, cells: ['2026-02-28', '12', ''] }
		]);
	});

	it('reads what toCsv writes', () => {
		const rows = [
			['a, b', 'say "hi"', ''],
			['line\nbreak', '42', 'x']
		];
		expect(parseCsv(toCsv(['one', 'two', 'three'], rows)).map((r) => r.cells)).toEqual([
			['one', 'two', 'three'],
			...rows
		]);
	});

	it('a last row without a line end, and nothing at all', () => {
		expect(parseCsv('a,b\n1,2')).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['1', '2'] }
		]);
		expect(parseCsv('')).toEqual([]);
	});
});
