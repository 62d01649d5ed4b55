// iCalendar (RFC 5545) for meetings: an invitation (METHOD:REQUEST) when an agenda is issued, the same event
// again with a higher SEQUENCE when it changes, METHOD:CANCEL when it is called off, and the private feed
// (METHOD:PUBLISH). One UID per meeting, so every calendar updates the event it already holds. Times are
// written in UK local time with TZID=Europe/London and the zone's rules (VTIMEZONE), so GMT and BST both hold.
import { MEETING_TIME_ZONE } from '../../../dates.ts';

export interface CalendarMeeting {
	id: string;
	title: string;
	startsAt: Date;
	durationMinutes: number;
	place: string;
	onlineLink: string;
	/** An absolute address of the meeting's page. */
	url: string;
	description: string;
	sequence: number;
	cancelled?: boolean;
}

const PRODID = '-//Partnership workspace//Meetings//EN';

/** The meeting's event's UID: the same for every version of it, on every instance. */
export function meetingUid(meetingId: string, host: string): string {
	return `meeting-${meetingId}@${host}`;
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n/g, '\\n');
}

/** RFC 5545 3.1: lines longer than 75 octets are folded (CRLF and one space), never inside a character. */
export function foldLine(line: string): string {
	const bytes = Buffer.from(line, 'utf8');
	if (bytes.length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let size = 0;
	let limit = 75;
	for (const char of line) {
		const n = Buffer.byteLength(char, 'utf8');
		if (size + n > limit) {
			parts.push(current);
			current = '';
			size = 0;
			limit = 74; // the continuation's leading space counts
		}
		current += char;
		size += n;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20260305T143000Z */
export function utcStamp(at: Date): string {
	return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
	timeZone: MEETING_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** 20260305T143000, the local time in Europe/London at the instant. */
export function londonStamp(at: Date): string {
	const parts = LONDON.formatToParts(at);
	const n = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
	return `${n('year')}${n('month')}${n('day')}T${n('hour')}${n('minute')}${n('second')}`;
}

/** Europe/London's rules since 1996: BST from the last Sunday of March at 01:00 UTC to the last of October. */
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Europe/London',
	'BEGIN:DAYLIGHT',
	'TZNAME:BST',
	'TZOFFSETFROM:+0000',
	'TZOFFSETTO:+0100',
	'DTSTART:19810329T010000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZNAME:GMT',
	'TZOFFSETFROM:+0100',
	'TZOFFSETTO:+0000',
	'DTSTART:19961027T020000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
];

function event(meeting: CalendarMeeting, host: string, stamp: Date, method: string): string[] {
	const ends = new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000);
	const location = [meeting.place, meeting.onlineLink].filter(Boolean).join(' – ');
	const cancelled = method === 'CANCEL' || meeting.cancelled;
	return [
		'BEGIN:VEVENT',
		`UID:${meetingUid(meeting.id, host)}`,
		`SEQUENCE:${meeting.sequence}`,
		`DTSTAMP:${utcStamp(stamp)}`,
		`DTSTART;TZID=Europe/London:${londonStamp(meeting.startsAt)}`,
		`DTEND;TZID=Europe/London:${londonStamp(ends)}`,
		`SUMMARY:${escapeText(meeting.title)}`,
		...(location ? [`LOCATION:${escapeText(location)}`] : []),
		...(meeting.description ? [`DESCRIPTION:${escapeText(meeting.description)}`] : []),
		`URL:${meeting.url}`,
		`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		'END:VEVENT'
	];
}

/** A calendar of the given events, in CRLF lines folded at 75 octets. */
export function calendar(
	method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
	meetings: CalendarMeeting[],
	host: string,
	stamp: Date,
	name?: string
): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${PRODID}`,
		'CALSCALE:GREGORIAN',
		`METHOD:${method}`,
		...(name ? [`X-WR-CALNAME:${escapeText(name)}`] : []),
		...VTIMEZONE,
		...meetings.flatMap((meeting) => event(meeting, host, stamp, method)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
