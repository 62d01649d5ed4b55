// Meeting times as people in the partnership read and write them: UK local time (GMT or BST), whatever the
// time zone of the server or the browser. Stored as instants (UTC).

export const MEETING_TIME_ZONE = 'Europe/London';

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

// Made once: building a formatter (its locale data and time zone rules) costs far more than using one, and
// a page of meetings formats dozens of times.
const UK_PARTS = new Intl.DateTimeFormat('en-GB', {
	timeZone: MEETING_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});
const MEETING_TIME = new Intl.DateTimeFormat('en-GB', {
	timeZone: MEETING_TIME_ZONE,
	dateStyle: 'full',
	timeStyle: 'short'
});
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: MEETING_TIME_ZONE, dateStyle: 'medium' });
// en-CA writes dates as YYYY-MM-DD, the form due dates are stored and compared in.
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: MEETING_TIME_ZONE });

/** Minutes that UK local time is ahead of UTC at an instant (0 in winter, 60 in summer). */
function ukOffsetMinutes(at: Date): number {
	const parts = UK_PARTS.formatToParts(at);
	const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
	return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * Reads a date and time: either UK local time as a form's `datetime-local` field sends it
 * ("2026-03-05T14:30"), or a full ISO timestamp with its offset from an API client. Null if it is neither
 * or names a time that does not exist (31 February).
 */
export function parseMeetingTime(text: string): Date | null {
	const naive = NAIVE.exec(text.trim());
	if (naive) {
		const [y, mo, d, h, mi, s] = naive.slice(1).map((v) => Number(v ?? 0));
		const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
		const check = new Date(asUtc);
		if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59)
			return null;
		// The offset at the guessed instant is right except within an hour of a clock change; a second
		// look at the corrected instant settles it.
		const first = asUtc - ukOffsetMinutes(new Date(asUtc)) * 60_000;
		return new Date(asUtc - ukOffsetMinutes(new Date(first)) * 60_000);
	}
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim()))
		return null;
	const at = new Date(text.trim());
	return Number.isNaN(at.getTime()) ? null : at;
}

/** "Thursday 5 March 2026, 14:30" in UK time. */
export function formatMeetingTime(at: Date | string): string {
	return MEETING_TIME.format(new Date(at));
}

/** "5 Mar 2026" in UK time. */
export function formatDay(at: Date | string): string {
	return DAY.format(new Date(at));
}

/** "2026-03-05": the day it is in the UK at an instant, to compare with due dates. */
export function dayInUk(at: Date | string): string {
	return ISO_DAY.format(new Date(at));
}

/** The value a `datetime-local` field shows for an instant, in UK time. */
export function toLocalInput(at: Date | string): string {
	const instant = new Date(at);
	const local = new Date(instant.getTime() + ukOffsetMinutes(instant) * 60_000);
	return local.toISOString().slice(0, 16);
}

/**
 * A community planning partnership reports on its plan for a year from 1 April to 31 March, named by the
 * year it starts in. "2026/27" for 2026.
 */
export function reportingYear(year: number): string {
	return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The reporting year a day (YYYY-MM-DD) falls in: 2027-02-10 is in 2026/27. */
export function reportingYearOf(day: string): number {
	const year = Number(day.slice(0, 4));
	return day.slice(5) >= '04-01' ? year : year - 1;
}

/** The first and last days of a reporting year, as YYYY-MM-DD. */
export function reportingYearDays(year: number): { from: string; to: string } {
	return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}
