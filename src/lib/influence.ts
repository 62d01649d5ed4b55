// The influence a forum was promised when its priority was accepted, the influence it had when the priority
// was decided, and the difference in words: pure, so the priority page, the trace, the public page and the
// review's forum-voice measure say it the same way.
import { INFLUENCE_LEVELS, type InfluenceLevel } from './vocabulary.ts';

export const INFLUENCE_GAPS = {
	LESS: 'less than promised',
	AS_PROMISED: 'as promised',
	MORE: 'more than promised'
} as const;
export type InfluenceGap = keyof typeof INFLUENCE_GAPS;

const rank = (level: InfluenceLevel) => Object.keys(INFLUENCE_LEVELS).indexOf(level);

/** How the influence achieved compares with the promise; null until both are known. */
export function influenceGap(
	promised: InfluenceLevel | null,
	achieved: InfluenceLevel | null
): InfluenceGap | null {
	if (!promised || !achieved) return null;
	const d = rank(achieved) - rank(promised);
	return d < 0 ? 'LESS' : d > 0 ? 'MORE' : 'AS_PROMISED';
}

/** "Promised: Involve; achieved: Consult — less than promised", or as much of it as is known. */
export function influenceWords(
	promised: InfluenceLevel | null,
	achieved: InfluenceLevel | null
): string {
	const first = promised ? `Promised: ${INFLUENCE_LEVELS[promised]}` : 'No influence promised';
	const then = achieved ? `achieved: ${INFLUENCE_LEVELS[achieved]}` : 'not decided yet';
	const gap = influenceGap(promised, achieved);
	return `${first}; ${then}${gap ? ` — ${INFLUENCE_GAPS[gap]}` : ''}`;
}

/** A priority's event as far as its promise is concerned (any order of fields; events oldest first). */
export interface PromiseEvent {
	type: string;
	influenceDeclared: InfluenceLevel | null;
	influenceAchieved: InfluenceLevel | null;
	/** ACCEPTED: the day (YYYY-MM-DD) by which the forum will hear back. */
	hearBackBy: string | null;
}

export interface InfluencePromise {
	promised: InfluenceLevel | null;
	hearBackBy: string | null;
	achieved: InfluenceLevel | null;
	/** A decision, a decline or a published response came after the latest acceptance. */
	answered: boolean;
}

/** A priority's promise before any of its events: nothing promised, nothing answered. */
export const noPromise = (): InfluencePromise => ({
	promised: null,
	hearBackBy: null,
	achieved: null,
	answered: false
});

/**
 * One event's effect on a priority's promise, in place (events oldest first): an acceptance makes the
 * promise and its hear-back day; a decision records the influence achieved. Records made before the promise
 * moved to the acceptance carry the declared level on DECIDED only: it is read as the promise, so nothing
 * entered then is lost. Plain arguments, so the trace can replay its rows of events without objects.
 */
export function applyToPromise(
	p: InfluencePromise,
	type: string,
	declared: InfluenceLevel | null,
	achieved: InfluenceLevel | null,
	hearBackBy: string | null
): void {
	if (type === 'ACCEPTED') {
		p.promised = declared;
		p.hearBackBy = hearBackBy;
		p.answered = false;
	} else if (type === 'DECIDED') {
		if (declared) p.promised = declared;
		p.achieved = achieved;
		p.answered = true;
	} else if (type === 'DECLINED' || type === 'FEEDBACK_PUBLISHED' || type === 'CLOSED')
		p.answered = true;
}

/** Replays a priority's events (oldest first): its latest acceptance's promise and what it achieved. */
export function promiseOf(events: readonly PromiseEvent[]): InfluencePromise {
	const p = noPromise();
	for (const e of events)
		applyToPromise(p, e.type, e.influenceDeclared, e.influenceAchieved, e.hearBackBy);
	return p;
}

/** The hear-back day passed (before `today`, a UK day) with no decision, decline or response since. */
export function isOverdue(p: InfluencePromise, today: string): boolean {
	return !p.answered && p.hearBackBy !== null && p.hearBackBy < today;
}
