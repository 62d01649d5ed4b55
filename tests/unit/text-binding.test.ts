import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText, moveThrough } from '../../src/lib/collab/text-binding.ts';

describe('binding a text field to shared text', () => {
	it('turns an edit into the smallest splice', () => {
		expect(diffText('Budget', 'Budget 2027')).toEqual({ index: 6, remove: 0, insert: ' 2027' });
		expect(diffText('Budget 2027', 'Budget')).toEqual({ index: 6, remove: 5, insert: '' });
		expect(diffText('the plan', 'the new plan')).toEqual({ index: 4, remove: 0, insert: 'new ' });
		expect(diffText('aaa', 'aaaa')).toEqual({ index: 3, remove: 0, insert: 'a' });
		expect(diffText('abc', 'xbc')).toEqual({ index: 0, remove: 1, insert: 'x' });
	});

	it('keeps a cursor beside the same words when someone else types before or after it', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		text.insert(0, 'agree the plan');
		let delta: Y.YTextEvent['delta'] = [];
		text.observe((e) => (delta = e.delta));
		text.insert(0, 'To ');
		expect(moveThrough(10, delta)).toBe(13);
		text.insert(text.length, ' today');
		expect(moveThrough(5, delta)).toBe(5);
		text.delete(0, 3);
		expect(moveThrough(13, delta)).toBe(10);
		expect(moveThrough(1, delta)).toBe(0);
	});
});
