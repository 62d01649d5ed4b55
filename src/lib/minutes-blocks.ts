// The minutes are plain text with a few markdown-like marks (#, ## and ### headings, "- " and "1. " list
// items, indented lines continuing a list item, **bold** and *emphasis*). These blocks and spans let a
// page show them as headings, lists and paragraphs without ever treating the text as HTML, and let the
// minutes document hold the same text as rich-text nodes (collab/minutes.ts).

export type MinutesBlock =
	| { kind: 'heading'; depth: number; text: string }
	/** `start` is set on numbered lists only: the first item's number. */
	| { kind: 'list'; items: string[]; start?: number }
	| { kind: 'paragraph'; text: string };

/** A run of one line's text with its emphasis. */
export interface Span {
	text: string;
	bold: boolean;
	italic: boolean;
}

const NUMBERED = /^(\d{1,9})\. (.*)$/;

export function minutesBlocks(text: string): MinutesBlock[] {
	const blocks: MinutesBlock[] = [];
	let last: MinutesBlock | undefined;
	for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
		const heading = /^(#{1,3})\s+(.*)$/.exec(line);
		const numbered = NUMBERED.exec(line);
		if (heading) {
			blocks.push({ kind: 'heading', depth: heading[1].length, text: heading[2].trim() });
			last = undefined;
		} else if (/^\s*$/.test(line)) {
			last = undefined;
		} else if (/^- /.test(line)) {
			if (last?.kind !== 'list' || last.start !== undefined)
				blocks.push((last = { kind: 'list', items: [] }));
			last.items.push(line.slice(2));
		} else if (numbered) {
			if (last?.kind !== 'list' || last.start === undefined)
				blocks.push((last = { kind: 'list', items: [], start: Number(numbered[1]) }));
			last.items.push(numbered[2]);
		} else if (/^\s+\S/.test(line) && last?.kind === 'list') {
			last.items[last.items.length - 1] += `\n${line.trim()}`;
		} else if (last?.kind === 'paragraph') {
			last.text += `\n${line}`;
		} else {
			blocks.push((last = { kind: 'paragraph', text: line }));
		}
	}
	return blocks;
}

/**
 * One line's text as runs of plain, **bold** and *emphasised* text. Marks never span lines, and a line
 * whose asterisks do not pair up exactly as `lineOf` would write them back ("2 * 3", "**") stays plain
 * text, so reading a line and writing it back always gives the same line.
 */
export function inlineSpans(line: string): Span[] {
	const spans: Span[] = [];
	let bold = false;
	let italic = false;
	// Greedy: "***" turns both marks on or off, "**" bold, "*" emphasis.
	for (const part of line.split(/(\*{1,3})/)) {
		if (/^\*+$/.test(part)) {
			if (part.length >= 2) bold = !bold;
			if (part.length !== 2) italic = !italic;
		} else if (part) spans.push({ text: part, bold, italic });
	}
	if (!bold && !italic && lineOf(spans) === line) return spans;
	return line ? [{ text: line, bold: false, italic: false }] : [];
}

/** Writes runs back as one line: the inverse of `inlineSpans`. */
export function lineOf(spans: Span[]): string {
	let line = '';
	let bold = false;
	let italic = false;
	const toggle = (next: { bold: boolean; italic: boolean }) => {
		// Closing before opening, so a change of marks is one run of at most three asterisks.
		if (italic && !next.italic) line += '*';
		if (bold && !next.bold) line += '**';
		if (!bold && next.bold) line += '**';
		if (!italic && next.italic) line += '*';
		({ bold, italic } = next);
	};
	for (const span of spans) {
		if (!span.text) continue;
		toggle(span);
		line += span.text;
	}
	toggle({ bold: false, italic: false });
	return line;
}
