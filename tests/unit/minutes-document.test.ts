import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	appendMinutes,
	convertLegacyMinutes,
	LEGACY_MINUTES_TEXT,
	minutesFragment,
	minutesMarkdown,
	replaceMinutes
} from '../../src/lib/collab/minutes.ts';
import { minutesExtensions } from '../../src/lib/collab/minutes-schema.ts';
import { inlineSpans, lineOf } from '../../src/lib/minutes-blocks.ts';
import { draftMinutes } from '../../src/lib/server/minutes/index.ts';
import { record } from '../support/meeting-record.ts';
import { mulberry32 } from '../support/random.ts';

const schema = getSchema(minutesExtensions);

function docWith(markdown: string): Y.Doc {
	const doc = new Y.Doc();
	replaceMinutes(doc, markdown);
	return doc;
}

/** What the editor shows for a document: the ProseMirror document y-tiptap builds, checked against the schema. */
function editorView(doc: Y.Doc) {
	const node = yXmlFragmentToProseMirrorRootNode(minutesFragment(doc), schema);
	node.check();
	return node.toJSON();
}

function synced(from: Y.Doc): Y.Doc {
	const to = new Y.Doc();
	Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
	return to;
}

describe('the minutes document: rich text that reads as the markdown-like text', () => {
	const draft = draftMinutes(record);

	it('gives back the draft from the record exactly as written, on every copy of the document', () => {
		const doc = docWith(draft);
		expect(minutesMarkdown(doc)).toBe(draft);
		expect(minutesMarkdown(synced(doc))).toBe(draft);
	});

	it('holds the draft as the editor’s headings, lists and paragraphs, valid in its schema', () => {
		const view = editorView(docWith(draft));
		const kinds = view.content.map((n: { type: string }) => n.type);
		expect(kinds[0]).toBe('heading');
		expect(kinds).toContain('bulletList');
		expect(kinds).toContain('paragraph');
		expect(JSON.stringify(view)).not.toMatch(/## |"- /);
	});

	it('stores nodes as the editor’s own binding does, so the text reads the same either way', () => {
		const fromEditor = new Y.Doc();
		prosemirrorJSONToYXmlFragment(schema, editorView(docWith(draft)), minutesFragment(fromEditor));
		expect(minutesMarkdown(fromEditor)).toBe(draft);
		expect(Y.encodeStateAsUpdate(fromEditor).length).toBeGreaterThan(draft.length);
	});

	it('reads headings, numbered lists, line breaks, bold and emphasis', () => {
		const text = [
			'## Welcome',
			'',
			'The chair opened the meeting.',
			'Quorate: **yes**, *just*.',
			'',
			'3. First *point*',
			'4. Second',
			'  continued',
			'',
			'### ***Both*** and **bold *then both***'
		].join('\n');
		const doc = docWith(text);
		expect(minutesMarkdown(doc)).toBe(`${text}\n`);
		const [heading, paragraph, list, subheading] = editorView(doc).content;
		expect(heading).toEqual({
			type: 'heading',
			attrs: { level: 2 },
			content: [{ type: 'text', text: 'Welcome' }]
		});
		expect(paragraph.content.map((n: { type: string }) => n.type)).toEqual([
			'text',
			'hardBreak',
			'text',
			'text',
			'text',
			'text',
			'text'
		]);
		expect(paragraph.content[3]).toEqual({ type: 'text', text: 'yes', marks: [{ type: 'bold' }] });
		expect(list.type).toBe('orderedList');
		expect(list.attrs.start).toBe(3);
		expect(list.content[1].content[0].content.map((n: { type: string }) => n.type)).toEqual([
			'text',
			'hardBreak',
			'text'
		]);
		expect(subheading.attrs.level).toBe(3);
	});

	it('draws headings under the page’s own heading, and reads them back at the same level', () => {
		const heading = schema.nodes.heading;
		for (const level of [1, 2, 3]) {
			const [tag] = heading.spec.toDOM!(heading.create({ level })) as unknown as [string];
			expect(tag).toBe(`h${level + 2}`);
			expect(heading.spec.parseDOM!.find((rule) => rule.tag === tag)?.attrs).toEqual({ level });
		}
	});

	it('keeps asterisks that do not pair up as they were typed', () => {
		for (const line of ['2 * 3 = 6', '**', 'a ** b', '*a**b*', 'a******b', '***a**'])
			expect(inlineSpans(line)).toEqual([{ text: line, bold: false, italic: false }]);
		const random = mulberry32(14);
		for (let n = 0; n < 2000; n++) {
			const line = Array.from(
				{ length: Math.floor(random() * 12) },
				() => 'ab *'[Math.floor(random() * 4)]
			).join('');
			expect(lineOf(inlineSpans(line))).toBe(line);
		}
	});

	it('adds a draft after what was written, and replaces everything when asked', () => {
		const doc = docWith('## Notes\n\nWritten by hand.\n');
		appendMinutes(doc, '## More\n');
		expect(minutesMarkdown(doc)).toBe('## Notes\n\nWritten by hand.\n\n## More\n');
		replaceMinutes(doc, 'Only this.');
		expect(minutesMarkdown(doc)).toBe('Only this.\n');
		replaceMinutes(doc, '');
		expect(minutesMarkdown(doc)).toBe('');
	});
});

describe('minutes written before the rich editor, as one plain text', () => {
	const legacy = 'Present:\n\nApologies:\n\n1. Welcome\n';
	function legacyDoc(): Y.Doc {
		const doc = new Y.Doc();
		doc.getText(LEGACY_MINUTES_TEXT).insert(0, legacy);
		return doc;
	}

	it('are read from the text until converted, then from the rich text, once', () => {
		const doc = legacyDoc();
		expect(minutesMarkdown(doc)).toBe(legacy);
		expect(convertLegacyMinutes(doc)).toBe(true);
		expect(doc.getText(LEGACY_MINUTES_TEXT).length).toBe(0);
		expect(minutesMarkdown(doc)).toBe(legacy);
		expect(editorView(doc).content.map((n: { type: string }) => n.type)).toEqual([
			'paragraph',
			'paragraph',
			'orderedList'
		]);
		expect(convertLegacyMinutes(doc)).toBe(false);
	});

	it('converted by two people at once, hold the minutes once when their changes meet', () => {
		const server = legacyDoc();
		const one = synced(server);
		const two = synced(server);
		convertLegacyMinutes(one);
		convertLegacyMinutes(two);
		Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
		Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
		expect(minutesMarkdown(one)).toBe(legacy);
		expect(minutesMarkdown(two)).toBe(legacy);
		expect(minutesFragment(one).length).toBe(3);
	});

	it('typed again as the same text after the converted minutes were emptied, are converted again', () => {
		const doc = legacyDoc();
		convertLegacyMinutes(doc);
		replaceMinutes(doc, '');
		doc.getText(LEGACY_MINUTES_TEXT).insert(0, legacy);
		expect(convertLegacyMinutes(doc)).toBe(true);
		expect(minutesMarkdown(doc)).toBe(legacy);
		expect(doc.getText(LEGACY_MINUTES_TEXT).length).toBe(0);
	});

	it('left empty stay empty', () => {
		expect(convertLegacyMinutes(new Y.Doc())).toBe(false);
		expect(minutesMarkdown(new Y.Doc())).toBe('');
	});
});
