// A contested response's agenda item title, within the agenda's limit.
import { describe, expect, it } from 'vitest';
import { matterArisingTitle } from '../../src/lib/server/meetings/index.ts';

describe('matterArisingTitle', () => {
	it('names the priority and the forum that contested it', () => {
		expect(matterArisingTitle('Warm spaces', 'Northfield Locality Forum')).toBe(
			'Matter arising: Warm spaces — response contested by Northfield Locality Forum'
		);
	});

	it('shortens a long priority title so the item fits the agenda’s 500 characters, keeping the forum', () => {
		const title = matterArisingTitle('x'.repeat(600), 'Northfield Locality Forum');
		expect(title).toHaveLength(500);
		expect(title).toMatch(/x… — response contested by Northfield Locality Forum$/);
	});
});
