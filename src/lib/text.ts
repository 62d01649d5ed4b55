// Small helpers for text people typed that the app puts into sentences of its own.

/** The text, ending with one full stop (or the punctuation it already ended with). */
export function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
