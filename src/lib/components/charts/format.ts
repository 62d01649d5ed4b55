// How the review's figures read on a page, in a table cell and in a sentence: shares as whole percentages,
// means and coefficients to one or two decimals, and "–" where there was nothing to divide (never 0).

export const NONE = '–';

/** 0.2 → "20%"; null → "–". Below 1% but above 0 reads "<1%", so a small share is not shown as none. */
export function percent(share: number | null | undefined): string {
	if (share === null || share === undefined || Number.isNaN(share)) return NONE;
	if (share > 0 && share < 0.005) return '<1%';
	return `${Math.round(share * 100)}%`;
}

/** A mean, coefficient or rate to `digits` decimals (British English); null → "–". */
export function decimal(value: number | null | undefined, digits = 1): string {
	if (value === null || value === undefined || Number.isNaN(value)) return NONE;
	return value.toLocaleString('en-GB', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	});
}

/** Seconds of speaking as "12 min 5 s" / "45 s". */
export function duration(seconds: number): string {
	const whole = Math.round(seconds);
	const minutes = Math.floor(whole / 60);
	const rest = whole % 60;
	if (!minutes) return `${rest} s`;
	return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

export type ValueFormat = 'percent' | 'decimal' | 'decimal2' | 'count';

export function formatValue(value: number | null | undefined, format: ValueFormat): string {
	if (format === 'percent') return percent(value);
	if (format === 'decimal2') return decimal(value, 2);
	if (format === 'decimal') return decimal(value, 1);
	return value === null || value === undefined ? NONE : String(value);
}

/** Cuts a label to fit a chart's margin; the full text stays in the table beside it. */
export function shorten(text: string, max = 28): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A slug for ids inside a page ("Seat share" → "seat-share"). */
export function slugify(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * A chart's table as a CSV to download straight from the page (for figures with no CSV route): cells
 * quoted, and text that a spreadsheet would run as a formula neutralised, as decisions/exports.ts does.
 */
export function csvDataUri(rows: readonly (readonly (string | number | null)[])[]): string {
	const cell = (value: string | number | null) => {
		if (value === null) return '';
		let text = String(value);
		if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
		return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	const body = rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
	return `data:text/csv;charset=utf-8,${encodeURIComponent(body)}`;
}
