// What a floor action on the live page sent back when it succeeded: the form it came from and a sentence
// for the panel's status region. Failures are read with failureOf.
import { MEETING_TIME_ZONE } from '$lib/dates';
import type { BodyQuorumView, QuorumView, RollEntryView } from '$lib/views/meetings';

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

/** How someone is recorded on the roll, in words: "Present", "Apologies (Ana Bell attends instead)"… */
export function attendanceText(entry: RollEntryView, roll: RollEntryView[]): string {
	const nameOf = (id: string | null) => roll.find((e) => e.membershipId === id)?.name ?? '';
	switch (entry.status) {
		case 'PRESENT':
			return 'Present';
		case 'APOLOGIES':
			return entry.substituteId
				? `Apologies (${nameOf(entry.substituteId) || 'a colleague'} attends instead)`
				: 'Apologies';
		case 'ABSENT':
			return 'Absent';
		case 'SUBSTITUTE_FOR':
			return `Substitute for ${nameOf(entry.substituteForId)}`;
		default:
			return 'Not recorded';
	}
}

/** "Quorate: 5 present, 4 needed", or what the body's rule (or its lack) makes of who is here. */
/** One holding body's quorum at a joint meeting: "Eastwood forum: not quorate, 2 of 9 present". */
export function bodyQuorumText(body: BodyQuorumView): string {
	if (body.rule === null)
		return `${body.name}: ${body.present} of ${body.seats} present; no quorum rule`;
	return `${body.name}: ${body.met ? 'quorate' : 'not quorate'}, ${body.present} of ${body.seats} present (${body.rule} needed)`;
}

export function quorumText(quorum: QuorumView): string {
	return quorum.rule === null
		? `${quorum.present} voting members present; this body has no quorum rule`
		: `${quorum.met ? 'Quorate' : 'Not quorate'}: ${quorum.present} present, ${quorum.rule} needed`;
}
