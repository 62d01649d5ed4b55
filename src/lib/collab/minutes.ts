// The draft minutes document: rich text written together (headings, lists, bold, emphasis), held as
// ProseMirror nodes in a Y.XmlFragment the way y-tiptap (Tiptap's Collaboration) stores them, and read
// and written here as the markdown-like text that is approved, hashed, printed and published. Pure Yjs, no
// editor or DOM, so the server, the seed and the tests use it too; minutes-schema.ts is the editor's side.
import * as Y from 'yjs';
import { inlineSpans, lineOf, minutesBlocks, type Span } from '../minutes-blocks.ts';

export const MINUTES_FRAGMENT = 'minutes-rich';
/** Where minutes were kept as plain text before the rich editor; read until converted. */
export const LEGACY_MINUTES_TEXT = 'minutes';

/** The element names are the editor's node names (minutes-schema.ts). */
export const MINUTES_NODES = {
	paragraph: 'paragraph',
	heading: 'heading',
	bulletList: 'bulletList',
	orderedList: 'orderedList',
	listItem: 'listItem',
	hardBreak: 'hardBreak'
} as const;

export function minutesFragment(doc: Y.Doc): Y.XmlFragment {
	return doc.getXmlFragment(MINUTES_FRAGMENT);
}

function legacyText(doc: Y.Doc): Y.Text {
	return doc.getText(LEGACY_MINUTES_TEXT);
}

/** Minutes kept only as the old plain text, not yet converted to rich text. */
export function hasLegacyMinutes(doc: Y.Doc): boolean {
	return minutesFragment(doc).length === 0 && legacyText(doc).length > 0;
}

/** The minutes as markdown-like text: what is approved, printed and published. */
export function minutesMarkdown(doc: Y.Doc): string {
	if (hasLegacyMinutes(doc)) return legacyText(doc).toString();
	const blocks = minutesFragment(doc)
		.toArray()
		.map(blockText)
		.filter((text) => text.trim() !== '');
	return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

/** Replaces the minutes with the given text, read as headings, lists and paragraphs. */
export function replaceMinutes(doc: Y.Doc, markdown: string): void {
	doc.transact(() => {
		const fragment = minutesFragment(doc);
		fragment.delete(0, fragment.length);
		const legacy = legacyText(doc);
		legacy.delete(0, legacy.length);
		fragment.insert(0, minutesNodes(markdown));
	});
}

/** Adds the given text after the minutes already written. */
export function appendMinutes(doc: Y.Doc, markdown: string): void {
	doc.transact(() => {
		const fragment = minutesFragment(doc);
		fragment.insert(fragment.length, minutesNodes(markdown));
	});
}

/**
 * Moves minutes kept as the old plain text into the rich-text fragment, once; false when there was
 * nothing to move. The nodes are written as a client whose id is the text's hash, so two people (or the
 * server and a browser) converting the same text at once write the very same items, which Yjs merges into
 * one copy instead of two.
 */
export function convertLegacyMinutes(doc: Y.Doc): boolean {
	if (!hasLegacyMinutes(doc)) return false;
	const legacy = legacyText(doc);
	const text = legacy.toString();
	const client = hash32(text);
	// Already written as that client: the same text was converted before and the rich text since emptied,
	// so those items are gone for good and writing them again would bring nothing back.
	if (doc.store.clients.has(client)) {
		doc.transact(() => {
			minutesFragment(doc).insert(0, minutesNodes(text));
			legacy.delete(0, legacy.length);
		});
		return true;
	}
	const converted = new Y.Doc();
	converted.clientID = client;
	minutesFragment(converted).insert(0, minutesNodes(text));
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(converted));
	converted.destroy();
	doc.transact(() => legacy.delete(0, legacy.length));
	return true;
}

/** FNV-1a: a stable 32-bit number for a text, as Yjs client ids are. */
function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

// Text → nodes -----------------------------------------------------------------------------------------

/** The fragment's nodes for a markdown-like text, as y-tiptap would write the same document. */
function minutesNodes(markdown: string): Y.XmlElement[] {
	return minutesBlocks(markdown).map((block) => {
		if (block.kind === 'heading')
			return element(MINUTES_NODES.heading, { level: block.depth }, inline(block.text));
		if (block.kind === 'paragraph') return element(MINUTES_NODES.paragraph, {}, inline(block.text));
		const items = block.items.map((item) =>
			element(MINUTES_NODES.listItem, {}, [element(MINUTES_NODES.paragraph, {}, inline(item))])
		);
		return block.start === undefined
			? element(MINUTES_NODES.bulletList, {}, items)
			: element(MINUTES_NODES.orderedList, { start: block.start }, items);
	});
}

function element(
	name: string,
	attributes: Record<string, number>,
	children: (Y.XmlElement | Y.XmlText)[]
): Y.XmlElement {
	const node = new Y.XmlElement(name);
	for (const [key, value] of Object.entries(attributes))
		// Attribute values are numbers in y-tiptap, not strings; the types say strings.
		node.setAttribute(key, value as unknown as string);
	node.insert(0, children);
	return node;
}

/** A block's text: runs of marked text per line, with a hard break between lines. */
function inline(text: string): (Y.XmlElement | Y.XmlText)[] {
	const nodes: (Y.XmlElement | Y.XmlText)[] = [];
	text.split('\n').forEach((line, at) => {
		if (at > 0) nodes.push(new Y.XmlElement(MINUTES_NODES.hardBreak));
		const spans = inlineSpans(line);
		if (!spans.length) return;
		const run = new Y.XmlText();
		run.applyDelta(spans.map((s) => ({ insert: s.text, attributes: marks(s) })));
		nodes.push(run);
	});
	return nodes;
}

function marks(span: Span): Record<string, object> {
	return { ...(span.bold ? { bold: {} } : {}), ...(span.italic ? { italic: {} } : {}) };
}

// Nodes → text -----------------------------------------------------------------------------------------

/** What a fragment or element holds; y-tiptap writes no hooks, which read as nothing. */
type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlHook;

function blockText(node: XmlNode): string {
	if (!(node instanceof Y.XmlElement)) return lines(node);
	const level = Number(node.getAttribute('level')) || 1;
	switch (node.nodeName) {
		case MINUTES_NODES.heading:
			return `${'#'.repeat(Math.min(3, level))} ${lines(node).replaceAll('\n', ' ')}`;
		case MINUTES_NODES.bulletList:
			return listItems(node)
				.map((item) => `- ${item}`)
				.join('\n');
		case MINUTES_NODES.orderedList: {
			const start = Number(node.getAttribute('start') ?? 1) || 1;
			return listItems(node)
				.map((item, at) => `${start + at}. ${item}`)
				.join('\n');
		}
		default:
			return lines(node);
	}
}

/** Each list item's text; its further lines indented, as a list item continues in the text. */
function listItems(list: Y.XmlElement): string[] {
	return list
		.toArray()
		.map((item) =>
			item instanceof Y.XmlElement && item.nodeName === MINUTES_NODES.listItem
				? item.toArray().map(blockText).join('\n').replaceAll('\n', '\n  ')
				: lines(item)
		);
}

/** The text inside a block: its runs with their marks, a hard break as a new line. */
function lines(node: XmlNode): string {
	const done: string[] = [];
	let spans: Span[] = [];
	const visit = (child: XmlNode) => {
		if (child instanceof Y.XmlText) {
			for (const op of child.toDelta() as { insert: unknown; attributes?: object }[])
				if (typeof op.insert === 'string') spans.push(spanOf(op.insert, op.attributes ?? {}));
		} else if (!(child instanceof Y.XmlElement)) return;
		else if (child.nodeName === MINUTES_NODES.hardBreak) {
			done.push(lineOf(spans));
			spans = [];
		} else child.toArray().forEach(visit);
	};
	visit(node);
	done.push(lineOf(spans));
	return done.join('\n');
}

function spanOf(text: string, attributes: object): Span {
	// y-tiptap names a mark that may overlap itself "name--hash"; bold and italic do not, but read both.
	const names = Object.keys(attributes).map((key) => key.replace(/--[a-zA-Z0-9+/=]{8}$/, ''));
	return { text, bold: names.includes('bold'), italic: names.includes('italic') };
}
