// The calendar invitations' text: RFC 5545 escaping and folding, and UK times that calendar programs read
// back at the right instant either side of the clock changes.
import { describe, expect, it } from 'vitest';
import { calendar, escapeText, foldLine, londonStamp } from '../../src/lib/server/notify/index.ts';
import { readCalendar } from '../support/ics.ts';

const meeting = (startsAt: string, extra: Record<string, unknown> = {}) => ({
	id: 'abc123',
	title: 'Board; budget, and “more”',
	startsAt: new Date(startsAt),
	durationMinutes: 90,
	place: 'Town hall, room 2',
	onlineLink: '',
	url: 'https://board.example.org/p/x/meetings/abc123',
	description: 'Line one\nline two',
	sequence: 0,
	...extra
});

describe('iCalendar text', () => {
	it('escapes backslashes, semicolons, commas and newlines', () => {
		expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
	});

	it('folds lines over 75 octets without splitting a character', () => {
		const line = `SUMMARY:${'é'.repeat(60)}`;
		const folded = foldLine(line);
		for (const part of folded.split('\r\n'))
			expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
		expect(folded.replace(/\r\n /g, '')).toBe(line);
	});

	it('writes UK wall-clock time either side of the clock changes', () => {
		expect(londonStamp(new Date('2026-03-29T00:59:00Z'))).toBe('20260329T005900');
		expect(londonStamp(new Date('2026-03-29T01:00:00Z'))).toBe('20260329T020000');
		expect(londonStamp(new Date('2026-10-25T00:59:00Z'))).toBe('20261025T015900');
		expect(londonStamp(new Date('2026-10-25T01:00:00Z'))).toBe('20261025T010000');
	});

	it('a calendar program reads back the same instants, text and UID', () => {
		const text = calendar(
			'REQUEST',
			[meeting('2026-06-04T09:30:00Z'), meeting('2026-01-15T18:00:00Z', { id: 'winter' })],
			'board.example.org',
			new Date('2026-05-01T00:00:00Z')
		);
		expect(text.endsWith('\r\n')).toBe(true);
		const read = readCalendar(text);
		expect(read.method).toBe('REQUEST');
		expect(read.events.map((e) => e.start.toISOString())).toEqual([
			'2026-06-04T09:30:00.000Z',
			'2026-01-15T18:00:00.000Z'
		]);
		expect(read.events.map((e) => e.offsetMinutes)).toEqual([60, 0]);
		expect(read.events[0].uid).toBe('meeting-abc123@board.example.org');
		expect(read.events[0].summary).toBe('Board; budget, and “more”');
	});

	it('a cancellation is METHOD:CANCEL with STATUS:CANCELLED', () => {
		const read = readCalendar(
			calendar(
				'CANCEL',
				[meeting('2026-06-04T09:30:00Z', { sequence: 3 })],
				'h.example',
				new Date()
			)
		);
		expect(read.method).toBe('CANCEL');
		expect(read.events[0]).toMatchObject({ sequence: 3, status: 'CANCELLED' });
	});
});
