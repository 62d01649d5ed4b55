import { describe, expect, it } from 'vitest';
import { minutesBlocks } from '../../src/lib/minutes-blocks.ts';

describe('reading the minutes’ text into blocks', () => {
	it('turns headings, list items with their indented lines and paragraphs into blocks', () => {
		const text = [
			'# Minutes: Board',
			'',
			'Board, 5 March.',
			'Online.',
			'## Attendance',
			'- Present: A; B',
			'  Quoted: “words”',
			'- Apologies: C',
			'',
			'### Decision',
			'Version 1.'
		].join('\n');
		expect(minutesBlocks(text)).toEqual([
			{ kind: 'heading', depth: 1, text: 'Minutes: Board' },
			{ kind: 'paragraph', text: 'Board, 5 March.\nOnline.' },
			{ kind: 'heading', depth: 2, text: 'Attendance' },
			{ kind: 'list', items: ['Present: A; B\nQuoted: “words”', 'Apologies: C'] },
			{ kind: 'heading', depth: 3, text: 'Decision' },
			{ kind: 'paragraph', text: 'Version 1.' }
		]);
	});

	it('reads numbered items as a list of their own, numbered from the first', () => {
		expect(minutesBlocks('Agenda:\n3. Welcome\n4. Apologies\n- Papers')).toEqual([
			{ kind: 'paragraph', text: 'Agenda:' },
			{ kind: 'list', items: ['Welcome', 'Apologies'], start: 3 },
			{ kind: 'list', items: ['Papers'] }
		]);
	});

	it('keeps markup-looking text as text, and reads Windows line ends', () => {
		expect(minutesBlocks('<b>bold</b>\r\n#not a heading')).toEqual([
			{ kind: 'paragraph', text: '<b>bold</b>\n#not a heading' }
		]);
	});
});
