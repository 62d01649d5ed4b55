// How far independent coders agree beyond chance: Cohen's kappa for two coders (Cohen 1960; weighted,
// Cohen 1968) and Krippendorff's alpha for any number of coders with missing values (Krippendorff,
// "Computing Krippendorff's Alpha-Reliability", 2011). Written from the definitions; plain numbers in and
// out, checked against published worked examples in tests/unit/review-agreement.test.ts.
//
// Both return null rather than a number when the figure is undefined, so a page prints "–":
// - nothing to compare (no pairs; no unit with two values), and
// - no variation to measure: every value given is the same level (expected agreement is 1, expected
//   disagreement 0). Kappa and alpha are then 0/0. Two coders who both gave every contribution the same
//   level did agree, but the data cannot show that their agreement is better than chance, and a 1 (or a
//   0) printed there would be read as a finding. The reviewers still see the disagreements list (empty).

export type KappaWeights = 'none' | 'linear' | 'quadratic';
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

/**
 * Cohen's kappa for two coders over `levels` categories 0..levels-1, each pair one unit's two values.
 * `weights` 'none' is the unweighted kappa (nominal scales); 'linear' and 'quadratic' credit near misses on
 * an ordinal scale, with disagreement weights |i−j| and (i−j)² (Cohen 1968; the scale of the weights
 * cancels, so dividing them by (levels−1) or its square changes nothing).
 * κ_w = 1 − Σ w_ij·p_ij / Σ w_ij·p_i·q_j, which for 0/1 weights is (p_o − p_e) / (1 − p_e).
 * Null with no pairs, or when the expected disagreement is 0 (both coders used one and the same level).
 */
export function cohenKappa(
	pairs: ReadonlyArray<readonly [number, number]>,
	levels: number,
	weights: KappaWeights
): number | null {
	if (pairs.length === 0) return null;
	const n = pairs.length;
	const table = square(levels);
	const rows = new Array<number>(levels).fill(0);
	const cols = new Array<number>(levels).fill(0);
	for (const [a, b] of pairs) {
		checkLevel(a, levels);
		checkLevel(b, levels);
		table[a][b] += 1;
		rows[a] += 1;
		cols[b] += 1;
	}
	let observed = 0;
	let expected = 0;
	for (let i = 0; i < levels; i++)
		for (let j = 0; j < levels; j++) {
			const w = kappaWeight(i, j, weights);
			observed += (w * table[i][j]) / n;
			expected += (w * rows[i] * cols[j]) / (n * n);
		}
	if (expected === 0) return null;
	return 1 - observed / expected;
}

function kappaWeight(i: number, j: number, weights: KappaWeights): number {
	if (weights === 'none') return i === j ? 0 : 1;
	const d = Math.abs(i - j);
	return weights === 'linear' ? d : d * d;
}

/**
 * Krippendorff's alpha. `units` has one row per unit, one entry per coder, null where that coder gave no
 * value. A unit with fewer than two values cannot be paired and is left out. Through the coincidence matrix
 * o_ck = Σ_u (number of ordered pairs of coders in u with values c, k) / (m_u − 1), its margins n_c and
 * n = Σ n_c (the pairable values): α = 1 − D_o / D_e = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck,
 * with δ² nominal [c ≠ k], interval (c − k)², ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)².
 * `levels`, when given, is the scale's size: values must then be integers 0..levels-1.
 * Null when no unit is pairable, or when all pairable values are the same (D_e = 0: no variation).
 */
export function krippendorffAlpha(
	units: ReadonlyArray<ReadonlyArray<number | null>>,
	metric: AlphaMetric,
	levels?: number
): number | null {
	const pairable = units
		.map((unit) => unit.filter((v): v is number => v !== null))
		.filter((values) => values.length >= 2);
	if (pairable.length === 0) return null;

	const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
	for (const v of values) {
		if (levels !== undefined) checkLevel(v, levels);
		else if (!Number.isFinite(v)) throw new RangeError(`Not a number to compare: ${v}`);
	}
	const index = new Map(values.map((v, i) => [v, i]));
	const coincidences = square(values.length);
	for (const unit of pairable) {
		const share = 1 / (unit.length - 1);
		for (let a = 0; a < unit.length; a++)
			for (let b = 0; b < unit.length; b++)
				if (a !== b) coincidences[index.get(unit[a])!][index.get(unit[b])!] += share;
	}
	const margins = coincidences.map((row) => row.reduce((s, x) => s + x, 0));
	const n = margins.reduce((s, x) => s + x, 0);
	const delta = difference(metric, values, margins);

	let observed = 0;
	let expected = 0;
	for (let c = 0; c < values.length; c++)
		for (let k = 0; k < values.length; k++) {
			observed += coincidences[c][k] * delta(c, k);
			expected += margins[c] * margins[k] * delta(c, k);
		}
	if (expected === 0) return null;
	return 1 - ((n - 1) * observed) / expected;
}

/** The squared difference δ²(c, k) between the c-th and k-th of the sorted values. */
function difference(
	metric: AlphaMetric,
	values: readonly number[],
	margins: readonly number[]
): (c: number, k: number) => number {
	if (metric === 'nominal') return (c, k) => (c === k ? 0 : 1);
	if (metric === 'interval') return (c, k) => (values[c] - values[k]) ** 2;
	// Ordinal: the distance between two ranks is how many pairable values lie between them, counting
	// each end value half, so unused levels between them add nothing.
	return (c, k) => {
		const [lo, hi] = c < k ? [c, k] : [k, c];
		let between = 0;
		for (let g = lo; g <= hi; g++) between += margins[g];
		return (between - (margins[lo] + margins[hi]) / 2) ** 2;
	};
}

function square(size: number): number[][] {
	return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

function checkLevel(value: number, levels: number) {
	if (!Number.isInteger(value) || value < 0 || value >= levels)
		throw new RangeError(`Value ${value} is not a level of a ${levels}-level scale`);
}
