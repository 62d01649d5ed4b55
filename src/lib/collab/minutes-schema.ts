// What the minutes editor can hold: paragraphs, headings of three levels, bulleted and numbered lists
// whose items are one paragraph each, hard line breaks, bold and emphasis. No more than the markdown-like
// text of approved minutes can say (minutes.ts reads and writes these nodes as that text), so nothing
// typed here is lost when the minutes are approved. The editor and the unit tests build the schema from it.
import type { Extensions } from '@tiptap/core';
import Heading from '@tiptap/extension-heading';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';

/** The page's own headings come first: "# Minutes: …" sits under the document's h2. */
export const HEADING_OFFSET = 2;

export const minutesExtensions: Extensions = [
	StarterKit.configure({
		blockquote: false,
		code: false,
		codeBlock: false,
		horizontalRule: false,
		strike: false,
		underline: false,
		link: false,
		heading: false,
		listItem: false,
		// Collaboration brings its own undo, which undoes only this person's changes.
		undoRedo: false,
		dropcursor: false,
		trailingNode: false
	}),
	Heading.extend({
		// Read back as drawn, so a heading copied and pasted within the minutes keeps its level; from
		// elsewhere, h1 and h2 are the top level and h6 the lowest.
		parseHTML() {
			return [
				...[1, 2, 3].map((level) => ({ tag: `h${level + HEADING_OFFSET}`, attrs: { level } })),
				{ tag: 'h1', attrs: { level: 1 } },
				{ tag: 'h2', attrs: { level: 1 } },
				{ tag: 'h6', attrs: { level: 3 } }
			];
		},
		renderHTML({ node, HTMLAttributes }) {
			return [`h${node.attrs.level + HEADING_OFFSET}`, HTMLAttributes, 0];
		}
	}).configure({ levels: [1, 2, 3] }),
	// One paragraph per item: a nested list or a second paragraph has no place in the text.
	ListItem.extend({ content: 'paragraph' })
];
