// Whether a partner kept a commitment it gave at a decision. The record has no "kept" box to tick: what
// shows it are the actions the same decision gave that partner, and, for a commitment given without
// delegated authority, the ratification by its own governance. The rule is in docs/OUTCOMES.md.
import type { ActionStatus, CommitmentState } from '../../vocabulary.ts';

export interface CommitmentEvidence {
	/** Given without delegated authority: its own governance must ratify it. */
	needsRatification: boolean;
	ratified: boolean;
	/** The actions the decision gave the same partner. */
	actions: { status: ActionStatus; dueOn: string | null }[];
	/** Today, as YYYY-MM-DD in the UK. */
	today: string;
}

export interface CommitmentVerdict {
	state: CommitmentState;
	/** The verdict in words, with what it rests on. */
	reason: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The worst news first: a dropped action means the commitment was not kept, whatever else was done; an
 * unratified commitment stands on nothing yet; then lateness; kept only when every action is done.
 */
export function commitmentKept(evidence: CommitmentEvidence): CommitmentVerdict {
	const { actions, today } = evidence;
	const dropped = actions.filter((a) => a.status === 'DROPPED').length;
	const done = actions.filter((a) => a.status === 'DONE').length;
	const open = actions.filter((a) => a.status === 'OPEN' || a.status === 'IN_PROGRESS');
	const overdue = open.filter((a) => a.dueOn !== null && a.dueOn < today).length;
	if (dropped)
		return {
			state: 'NOT_KEPT',
			reason: `${plural(dropped, 'action')} it was given at the decision ${dropped === 1 ? 'was' : 'were'} dropped.`
		};
	if (evidence.needsRatification && !evidence.ratified)
		return {
			state: 'AWAITING_RATIFICATION',
			reason: 'Given without delegated authority, and its own governance has not yet ratified it.'
		};
	if (overdue)
		return {
			state: 'OVERDUE',
			reason: `${plural(overdue, 'action')} it was given at the decision ${overdue === 1 ? 'is' : 'are'} past ${overdue === 1 ? 'its' : 'their'} due date and not done.`
		};
	if (open.length)
		return {
			state: 'IN_HAND',
			reason: `${plural(done, 'action')} done, ${open.length} still open and not yet due.`
		};
	if (done)
		return {
			state: 'KEPT',
			reason: `Every action it was given at the decision is done (${done}).`
		};
	return evidence.needsRatification
		? { state: 'KEPT', reason: 'Ratified by its own governance; the decision gave it no action.' }
		: {
				state: 'NO_ACTION',
				reason: 'The decision gave it no action, so the record cannot show whether it was kept.'
			};
}
