// Reading an iCalendar text as a calendar program would (ical.js): its METHOD, and its one event's UID,
// SEQUENCE, status, and start as an instant and as UK wall-clock time.
import ICAL from 'ical.js';

export function readCalendar(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		const start = vevent.getFirstProperty('dtstart')!;
		return {
			uid: event.uid,
			sequence: event.sequence,
			summary: event.summary,
			status: String(vevent.getFirstPropertyValue('status')),
			tzid: start.getParameter('tzid'),
			/** The wall-clock time written, e.g. 2026-06-04T10:30:00. */
			local: event.startDate.toString(),
			start: event.startDate.toJSDate(),
			/** Minutes ahead of UTC at the start, by the calendar's own time zone rules. */
			offsetMinutes: event.startDate.utcOffset() / 60
		};
	});
	return { method: String(calendar.getFirstPropertyValue('method')), events };
}
