// What a floor action on the live page sent back when it succeeded: the form it came from and a sentence
// for the panel's status region. Failures are read with failureOf.
import { MEETING_TIME_ZONE } from '$lib/dates';

export function doneOf(result: unknown, form: string): string {
	const answer = result as { form?: string; done?: string } | null | undefined;
	return answer?.form === form && typeof answer.done === 'string' ? answer.done : '';
}

const clock = new Intl.DateTimeFormat('en-GB', {
	hour: '2-digit',
	minute: '2-digit',
	timeZone: MEETING_TIME_ZONE
});

/** "09:42", in the meeting's time zone. */
export function formatClock(at: string): string {
	return clock.format(new Date(at));
}

/**
 * A failure's field errors for an ErrorSummary: those of fields the form shows keep their link, the rest
 * (about a hidden input, such as the person a button acts on) become plain sentences.
 */
export function summaryFields(fields: Record<string, string>, shown: string[]) {
	const linked = Object.entries(fields).filter(([name]) => shown.includes(name));
	const plain = Object.entries(fields)
		.filter(([name]) => !shown.includes(name))
		.map(([, text]) => text);
	return Object.fromEntries([...linked, ...(plain.length ? [['_', plain.join(' ')]] : [])]);
}
