// A priority's life as a state machine: which events follow from each status, and where each leaves it.
// Pure, so the API, the pages and the trace agree on one table.
import type { PriorityEventType, PriorityStatus } from '../../vocabulary.ts';

/** The events that may follow a priority in each status (RAISED is only ever its first event). */
export const NEXT: Record<PriorityStatus, readonly PriorityEventType[]> = {
	RAISED: ['SUBMITTED'],
	SUBMITTED: ['ACCEPTED', 'DECLINED', 'PASSED_ON', 'PASSED_SIDEWAYS', 'REFERRED_DOWN'],
	ACCEPTED: ['PASSED_ON', 'PASSED_SIDEWAYS', 'REFERRED_DOWN', 'SCHEDULED', 'DECIDED'],
	DECLINED: ['SUBMITTED', 'CLOSED'],
	SCHEDULED: ['SCHEDULED', 'DECIDED'],
	DECIDED: ['ACTION', 'FEEDBACK_PUBLISHED'],
	FEEDBACK_PUBLISHED: ['ACTION', 'CLOSED'],
	CLOSED: []
};

/**
 * The status an event leaves the priority in; ACTION, MATTER_ARISING and RESPONSE_ACCEPTED (the forum's
 * verdicts) leave it where it was.
 */
export function statusAfter(type: PriorityEventType, before: PriorityStatus): PriorityStatus {
	switch (type) {
		// Passed on, sideways or down, it waits on the receiving body to take it on or decline it.
		case 'PASSED_ON':
		case 'PASSED_SIDEWAYS':
		case 'REFERRED_DOWN':
			return 'SUBMITTED';
		case 'ACTION':
		case 'MATTER_ARISING':
		case 'RESPONSE_ACCEPTED':
			return before;
		default:
			return type;
	}
}

export function follows(status: PriorityStatus, type: PriorityEventType): boolean {
	return NEXT[status].includes(type);
}

/**
 * The statuses in which the next step is the holding body's own: its members submit it (RAISED, or
 * DECLINED and back with the forum, which resubmits or lets it close), its chair accepts, declines or
 * passes it on (SUBMITTED), schedules it (ACCEPTED), and its meeting decides it (SCHEDULED). A decided
 * priority waits on the secretariat's response, and a closed one on nobody.
 */
export const WAITING_ON_HOLDER = [
	'RAISED',
	'SUBMITTED',
	'ACCEPTED',
	'DECLINED',
	'SCHEDULED'
] as const satisfies readonly PriorityStatus[];
