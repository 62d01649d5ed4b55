// Plain functions over plain numbers: the review's arithmetic, separately tested (tests/unit/review-*.test.ts).
// Nothing here reads the database.

/** part / whole, or null when there is nothing to divide (a share of nothing is not zero). */
export function share(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

/**
 * Gini coefficient of non-negative amounts (e.g. seconds spoken by each member present, silent members as
 * 0): 0 when everyone has the same, approaching 1 when one has everything. Null for no one, or when the
 * total is 0 (nobody spoke: no inequality to measure).
 */
export function gini(amounts: readonly number[]): number | null {
	const n = amounts.length;
	const total = amounts.reduce((sum, x) => sum + x, 0);
	if (n === 0 || total <= 0) return null;
	const sorted = [...amounts].sort((a, b) => a - b);
	// G = (2 Σ i·x_i) / (n Σ x) − (n + 1) / n, with i = 1..n over ascending x.
	const weighted = sorted.reduce((sum, x, i) => sum + (i + 1) * x, 0);
	return (2 * weighted) / (n * total) - (n + 1) / n;
}

export function mean(values: readonly number[]): number | null {
	return values.length ? values.reduce((s, x) => s + x, 0) / values.length : null;
}

export function median(values: readonly number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
