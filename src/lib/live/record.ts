// Types of the live page's record panels, as its load gives them (the server's decisions/liveRecord builds
// one for the person looking).
import type { MeetingStatus } from '../vocabulary.ts';
import type { ActionView, DecisionVersionView } from '../views/decisions.ts';
import type { ChallengeView, QuorumView, RollEntryView } from '../views/meetings.ts';

export type LivePerson = Pick<
	RollEntryView,
	| 'membershipId'
	| 'name'
	| 'organisationId'
	| 'organisationName'
	| 'sector'
	| 'here'
	| 'voting'
	| 'delegatedAuthority'
>;
export type LiveVersion = DecisionVersionView;

/** Someone in the partnership, as the live page's forms name them. */
export interface LiveMember {
	id: string;
	name: string;
	organisationId: string;
	organisationName: string;
}

export interface LiveRecord {
	challenges: ChallengeView[];
	/** The papers that can be cited (not withdrawn). */
	papers: { id: string; title: string; agendaItemId: string | null }[];
	people: LivePerson[];
	quorum: QuorumView;
	/** The latest version first, by agenda item. */
	versions: Record<string, LiveVersion[]>;
	actions: ActionView[];
	/** For the chair's decision form on the current item. */
	wording: string;
	eligible: string[];
	mattersArising: ActionView[];
	/** The body's previous meeting, whose minutes this one approves (for those who run the meeting). */
	previous: { id: string; title: string; startsAt: string; status: MeetingStatus } | null;
	/** What each decision's latest version stated against the scheme (by decision id), for amending. */
	checks: Record<string, { amountPounds: number | null; reservedMatters: string[] }>;
	/** At a joint meeting, the names of the bodies that took each decision (by decision id). */
	takenBy: Record<string, string[]>;
	/** The body's scheme of delegation in force, for the decision form's check; null when none is written. */
	scheme: {
		version: number;
		financialLimitPounds: number | null;
		reservedMatters: string[];
	} | null;
}

/** What a refused form sent back, as `failureOf` reads it, plus the quorum warning of the decision forms. */
export interface RecordFailure {
	form: string;
	values: Record<string, string>;
	message: string;
	fields: Record<string, string>;
	quorumWarning?: boolean;
}

export const personLabel = (p: { name: string; organisationName: string }) =>
	`${p.name} (${p.organisationName})`;
