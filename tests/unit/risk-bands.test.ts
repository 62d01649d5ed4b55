// The register's band rule and heat map: every score on the 5×5 scale falls in the band docs/OUTCOMES.md
// gives, and each risk lands in the one cell of its likelihood and impact.
import { describe, expect, it } from 'vitest';
import { heatMap, riskBand, riskScore, scoreInWords } from '../../src/lib/risk-bands.ts';

describe('riskBand', () => {
	it.each([
		[1, 'LOW'],
		[4, 'LOW'],
		[5, 'MEDIUM'],
		[9, 'MEDIUM'],
		[10, 'HIGH'],
		[16, 'HIGH'],
		[20, 'VERY_HIGH'],
		[25, 'VERY_HIGH']
	])('puts a score of %i in %s', (score, band) => {
		expect(riskBand(score)).toBe(band);
	});

	it('says the score and its band in words', () => {
		expect(scoreInWords(riskScore(3, 4))).toBe('12, high');
	});
});

describe('heatMap', () => {
	it('has 25 cells, likelihood 5 at the top, each risk in its own cell', () => {
		const grid = heatMap([
			{ id: 'a', likelihood: 2, impact: 3 },
			{ id: 'b', likelihood: 2, impact: 3 },
			{ id: 'c', likelihood: 5, impact: 1 }
		]);
		expect(grid).toHaveLength(5);
		expect(grid.every((row) => row.length === 5)).toBe(true);
		expect(grid[0][0]).toMatchObject({ likelihood: 5, impact: 1, score: 5, band: 'MEDIUM' });
		expect(grid[0][0].risks.map((r) => r.id)).toEqual(['c']);
		const cell = grid[5 - 2][3 - 1];
		expect(cell).toMatchObject({ likelihood: 2, impact: 3, score: 6 });
		expect(cell.risks.map((r) => r.id)).toEqual(['a', 'b']);
		expect(grid.flat().reduce((n, c) => n + c.risks.length, 0)).toBe(3);
	});
});
