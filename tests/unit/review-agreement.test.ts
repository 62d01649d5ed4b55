import { describe, expect, it } from 'vitest';
import { cohenKappa, krippendorffAlpha } from '../../src/lib/review/agreement.ts';

/** A contingency table (rows: first coder's level, columns: second coder's) as one pair per unit. */
function pairsOf(table: number[][]): [number, number][] {
	return table.flatMap((row, i) => row.flatMap((count, j) => Array(count).fill([i, j])));
}

describe("Cohen's kappa", () => {
	it('is 0.4 on the 50-item yes/no example', () => {
		// Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by two readers.
		// Both yes 20, A yes B no 5, A no B yes 10, both no 15.
		// p_o = (20 + 15) / 50 = 0.7; A says yes 25/50, B 30/50;
		// p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
		const pairs = pairsOf([
			[20, 5],
			[10, 15]
		]);
		expect(cohenKappa(pairs, 2, 'none')).toBeCloseTo(0.4, 10);
		// On two levels every disagreement is one step apart: the weights change nothing.
		expect(cohenKappa(pairs, 2, 'linear')).toBeCloseTo(0.4, 10);
		expect(cohenKappa(pairs, 2, 'quadratic')).toBeCloseTo(0.4, 10);
	});

	it('weights near misses on an ordinal scale as the printed example has it', () => {
		// Lodestar wiki, "Metrics kappaweighting" (github.com/CyrilB1531/lodestar/wiki/Metrics-kappaweighting):
		// rater [1,1,2,2,3,3,1,3], model [1,3,2,1,3,2,1,3]; printed: none 0.4285…, linear 0.4666…,
		// quadratic 0.5. By hand (levels 1..3 stored as 0..2), table rows rater, columns model:
		//   [2 0 1; 1 1 0; 0 1 2], row totals 3 2 3, column totals 3 2 3, n = 8.
		// none: p_o = 5/8, p_e = (9 + 4 + 9)/64 = 22/64, κ = (40 − 22)/(64 − 22) = 18/42 = 0.428571.
		// linear, disagreement |i−j|: observed (1·2 + 1·1 + 1·1)/8 = 4/8 = 32/64;
		//   expected Σ r_i c_j |i−j| / 64 = (3·2·1 + 3·3·2 + 2·3·1 + 2·3·1 + 3·3·2 + 3·2·1)/64 = 60/64;
		//   κ = 1 − 32/60 = 0.466667.
		// quadratic, (i−j)²: observed (1·4 + 1 + 1)/8 = 48/64; expected (6 + 36 + 6 + 6 + 36 + 6)/64 = 96/64;
		//   κ = 1 − 48/96 = 0.5.
		const rater = [1, 1, 2, 2, 3, 3, 1, 3];
		const model = [1, 3, 2, 1, 3, 2, 1, 3];
		const pairs = rater.map((r, i) => [r - 1, model[i] - 1] as const);
		expect(cohenKappa(pairs, 3, 'none')).toBeCloseTo(18 / 42, 10);
		expect(cohenKappa(pairs, 3, 'linear')).toBeCloseTo(14 / 30, 10);
		expect(cohenKappa(pairs, 3, 'quadratic')).toBeCloseTo(0.5, 10);
	});

	it('agrees with the hand-worked SAS skin-condition table (simple and Cicchetti–Allison weighted)', () => {
		// SAS/STAT User's Guide, The FREQ Procedure, Getting Started: "Agreement Study", Table 3.2
		// Skin Condition Data (support.sas.com/documentation/cdl/en/procstat/66703/HTML/default/
		// procstat_freq_gettingstarted02.htm): two dermatologists rate 88 patients terrible, poor, marginal,
		// clear. PROC FREQ's default weighted kappa uses Cicchetti–Allison weights 1 − |i−j|/(k−1), our
		// 'linear'. The retrieved excerpt gives the data, not the printed output, so the figures are worked
		// here by hand:
		// rows 15 29 23 21, columns 17 20 31 20, diagonal 10 + 10 + 12 + 13 = 45.
		// simple: p_o = 45/88 = 0.511364; p_e = (15·17 + 29·20 + 23·31 + 21·20)/88² = 1968/7744 = 0.254132;
		//   κ = 0.257232 / 0.745868 = 0.3449.
		// linear: observed Σ|i−j|·n_ij = 1·(4+5+12+4+5+6) + 2·(1+2+2+2) + 3·0 = 50;
		//   expected Σ r_i c_j |i−j| = 15·142 + 29·88 + 23·74 + 21·122 = 8946 (over 88²);
		//   κ_w = 1 − (50/88)/(8946/7744) = 1 − 4400/8946 = 0.5082.
		const pairs = pairsOf([
			[10, 4, 1, 0],
			[5, 10, 12, 2],
			[2, 4, 12, 5],
			[0, 2, 6, 13]
		]);
		expect(cohenKappa(pairs, 4, 'none')).toBeCloseTo(0.3449, 4);
		expect(cohenKappa(pairs, 4, 'linear')).toBeCloseTo(1 - 4400 / 8946, 10);
		expect(cohenKappa(pairs, 4, 'linear')).toBeCloseTo(0.5082, 4);
	});

	it('is null with no pairs', () => {
		expect(cohenKappa([], 4, 'none')).toBeNull();
		expect(cohenKappa([], 4, 'linear')).toBeNull();
	});

	it('is null when both coders used one and the same level throughout (expected agreement 1)', () => {
		const same = [
			[2, 2],
			[2, 2],
			[2, 2]
		] as const;
		for (const w of ['none', 'linear', 'quadratic'] as const)
			expect(cohenKappa(same, 4, w)).toBeNull();
	});

	it('is 1 for perfect agreement with variation, 0 at chance, negative below chance', () => {
		expect(
			cohenKappa(
				[
					[0, 0],
					[1, 1],
					[3, 3]
				],
				4,
				'linear'
			)
		).toBe(1);
		// Each coder said each level once, agreeing half the time: p_o = p_e = 0.5.
		expect(
			cohenKappa(
				[
					[0, 0],
					[0, 1],
					[1, 0],
					[1, 1]
				],
				2,
				'none'
			)
		).toBe(0);
		expect(
			cohenKappa(
				[
					[0, 1],
					[1, 0]
				],
				2,
				'none'
			)
		).toBe(-1);
	});

	it('is the same whichever coder is first', () => {
		const pairs = pairsOf([
			[3, 1, 0],
			[2, 4, 1],
			[0, 2, 5]
		]);
		const swapped = pairs.map(([a, b]) => [b, a] as const);
		for (const w of ['none', 'linear', 'quadratic'] as const)
			expect(cohenKappa(swapped, 3, w)).toBeCloseTo(cohenKappa(pairs, 3, w)!, 12);
	});

	it('refuses a value that is not a level of the scale', () => {
		expect(() => cohenKappa([[0, 4]], 4, 'none')).toThrow(RangeError);
		expect(() => cohenKappa([[0.5, 1]], 4, 'none')).toThrow(RangeError);
	});
});

describe("Krippendorff's alpha", () => {
	// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
	// Communication, example C (4 observers, 12 units, missing values). The same data appear as "the C
	// data from Krippendorff" in the kripp.alpha / DescTools::KrippAlpha documentation (rdrr.io). The paper
	// gives α nominal 0.743 and interval 0.849 (and ordinal 0.815). Units as rows, observers A–D as columns:
	const N = null;
	const exampleC = [
		[1, 1, N, 1],
		[2, 2, 3, 2],
		[3, 3, 3, 3],
		[3, 3, 3, 3],
		[2, 2, 2, 2],
		[1, 2, 3, 4],
		[4, 4, 4, 4],
		[1, 1, 2, 1],
		[2, 2, 2, 2],
		[N, 5, 5, 5],
		[N, N, 1, 1],
		[N, N, 3, N]
	];
	// Worked by hand. Unit 12 has one value: not pairable. Each unit adds, for each ordered pair of its
	// values, 1/(m_u − 1) to the coincidence matrix o (values 1..5):
	//   o11 = 3 + 2 + 2 = 7, o22 = 2 + 4 + 4 = 10, o33 = 4 + 4 = 8, o44 = 4, o55 = 3,
	//   o12 = o21 = 1/3 + 1 = 4/3, o23 = o32 = 1 + 1/3 = 4/3, o13 = o14 = o24 = o34 = 1/3 (and mirrors).
	//   Margins n_c = 9, 13, 10, 5, 3; n = 40.
	// nominal: off-diagonal Σ o = 40 − 32 = 8; Σ_{c≠k} n_c n_k = 40² − (81+169+100+25+9) = 1216;
	//   α = 1 − 39·8/1216 = 1 − 312/1216 = 0.743421.
	// interval, δ² = (c−k)²: Σ o δ² = 2·(4/3·1 + 1/3·4 + 1/3·9 + 4/3·1 + 1/3·4 + 1/3·1) = 52/3;
	//   Σ n_c n_k δ² = 2·(117 + 360 + 405 + 432 + 130 + 260 + 351 + 50 + 120 + 15) = 4480;
	//   α = 1 − 39·(52/3)/4480 = 1 − 676/4480 = 0.849107.
	// ordinal, δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: δ²12 = 11² = 121, δ²13 = 22.5², δ²14 = 30²,
	//   δ²15 = 34², δ²23 = 11.5², δ²24 = 19², δ²25 = 23², δ²34 = 7.5², δ²35 = 11.5², δ²45 = 4²;
	//   Σ o δ² = 2·(4/3·121 + 1/3·506.25 + 1/3·900 + 4/3·132.25 + 1/3·361 + 1/3·56.25) = 1891;
	//   Σ n_c n_k δ² = 2·(117·121 + 90·506.25 + 45·900 + 27·1156 + 130·132.25 + 65·361 + 39·529
	//     + 50·56.25 + 30·132.25 + 15·16) = 2·199740 = 399480;
	//   α = 1 − 39·1891/399480 = 1 − 73749/399480 = 0.815387.
	it('is 0.743 nominal on the published example', () => {
		expect(krippendorffAlpha(exampleC, 'nominal')).toBeCloseTo(1 - 312 / 1216, 10);
		expect(krippendorffAlpha(exampleC, 'nominal')).toBeCloseTo(0.743, 3);
	});

	it('is 0.815 ordinal on the published example', () => {
		expect(krippendorffAlpha(exampleC, 'ordinal')).toBeCloseTo(1 - 73749 / 399480, 10);
		expect(krippendorffAlpha(exampleC, 'ordinal')).toBeCloseTo(0.815, 3);
	});

	it('is 0.849 interval on the published example', () => {
		expect(krippendorffAlpha(exampleC, 'interval')).toBeCloseTo(1 - 676 / 4480, 10);
		expect(krippendorffAlpha(exampleC, 'interval')).toBeCloseTo(0.849, 3);
	});

	it('ignores the order of coders and of units', () => {
		const shuffled = [...exampleC].reverse().map((unit) => [unit[2], unit[0], unit[3], unit[1]]);
		for (const m of ['nominal', 'ordinal', 'interval'] as const)
			expect(krippendorffAlpha(shuffled, m)).toBeCloseTo(krippendorffAlpha(exampleC, m)!, 12);
	});

	it('takes levels as the scale and refuses values outside it', () => {
		const zeroBased = exampleC.map((unit) => unit.map((v) => (v === null ? null : v - 1)));
		expect(krippendorffAlpha(zeroBased, 'ordinal', 5)).toBeCloseTo(0.815, 3);
		expect(() => krippendorffAlpha(zeroBased, 'ordinal', 4)).toThrow(RangeError);
	});

	it('is null when nothing is pairable', () => {
		expect(krippendorffAlpha([], 'nominal')).toBeNull();
		// One unit, one value; units coded by a single coder each.
		expect(krippendorffAlpha([[2]], 'ordinal', 4)).toBeNull();
		expect(
			krippendorffAlpha(
				[
					[2, N, N],
					[N, 1, N],
					[N, N, 3]
				],
				'ordinal',
				4
			)
		).toBeNull();
	});

	it('is null for one unit whose coders agree: nothing varies', () => {
		expect(krippendorffAlpha([[1, 1, 1]], 'nominal', 4)).toBeNull();
	});

	it('is computed from a single unit when its coders differ', () => {
		// o01 = o10 = 1, n = 2: α = 1 − (n − 1)·2 / (2·1·1) = 0.
		expect(krippendorffAlpha([[0, 1]], 'nominal', 2)).toBe(0);
	});

	it('is null when all coders gave the same level to everything', () => {
		const identical = [
			[2, 2, 2],
			[2, 2, N],
			[2, 2, 2]
		];
		for (const m of ['nominal', 'ordinal', 'interval'] as const)
			expect(krippendorffAlpha(identical, m, 4)).toBeNull();
	});

	it('leaves out a coder who gave no levels (everything not applicable) rather than returning NaN or 0', () => {
		// The third coder marked everything not applicable: missing, as if they had not coded.
		const withAbsent = exampleC.map((unit) => [...unit, N]);
		expect(krippendorffAlpha(withAbsent, 'nominal')).toBeCloseTo(0.743, 3);
		const onlyAbsent = [
			[1, N, N],
			[N, 2, N],
			[3, N, N]
		];
		const alpha = krippendorffAlpha(onlyAbsent, 'nominal', 4);
		expect(alpha).toBeNull();
		expect(Number.isNaN(alpha)).toBe(false);
	});

	it('is 1 for perfect agreement with variation', () => {
		expect(
			krippendorffAlpha(
				[
					[0, 0, 0],
					[1, 1, N],
					[3, 3, 3]
				],
				'ordinal',
				4
			)
		).toBe(1);
	});
});
