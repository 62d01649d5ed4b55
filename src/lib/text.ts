// Small helpers for text people typed that the app puts into sentences of its own.

/** The text, ending with one full stop (or the punctuation it already ended with). */
export function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** An indicator's figure with its unit, as every page and sentence writes it: "22.9%", "31.5 per 1,000". */
export function measure(value: number, unit: string): string {
	const figure = Number(value.toFixed(2)).toLocaleString('en-GB');
	return unit === '%' ? `${figure}%` : unit ? `${figure} ${unit}` : figure;
}
