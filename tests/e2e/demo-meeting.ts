// The demo partnership's meeting the browser tests run: each file has a demo server of its own, so what
// one file does to it no other file sees.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/**
 * The demo board's upcoming meeting, whose agenda the demo has issued; or, `started` by an earlier test in
 * the file, the same meeting under way.
 */
export async function demoMeeting(page: Page, started = false): Promise<string> {
	const bodies: { id: string; name: string }[] = await (
		await page.request.get('/api/v1/partnerships/strathmuir/bodies')
	).json();
	const board = bodies.find((b) => b.name === 'Strathmuir Partnership Board')!;
	const meetings: { id: string; title: string; status: string }[] = await (
		await page.request.get(`/api/v1/bodies/${board.id}/meetings`)
	).json();
	const upcoming = meetings.filter(
		(m) =>
			m.title === 'Partnership Board' &&
			(m.status === 'AGENDA_ISSUED' || (started && m.status === 'IN_PROGRESS'))
	);
	expect(upcoming, 'the demo board has one upcoming meeting with its agenda issued').toHaveLength(
		1
	);
	return upcoming[0].id;
}
