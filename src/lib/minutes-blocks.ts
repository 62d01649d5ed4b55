// The minutes are plain text with a few markdown-like marks (#, ## and ### headings, "- " list items,
// indented lines continuing a list item). These blocks let a page show them as headings, lists and
// paragraphs without ever treating the text as HTML.

export type MinutesBlock =
	| { kind: 'heading'; depth: number; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'paragraph'; text: string };

export function minutesBlocks(text: string): MinutesBlock[] {
	const blocks: MinutesBlock[] = [];
	let last: MinutesBlock | undefined;
	for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
		const heading = /^(#{1,3})\s+(.*)$/.exec(line);
		if (heading) {
			blocks.push((last = { kind: 'heading', depth: heading[1].length, text: heading[2].trim() }));
			last = undefined;
		} else if (/^\s*$/.test(line)) {
			last = undefined;
		} else if (/^- /.test(line)) {
			if (last?.kind !== 'list') blocks.push((last = { kind: 'list', items: [] }));
			last.items.push(line.slice(2));
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
