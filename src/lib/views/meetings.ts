// What the API and the pages show of a meeting: its summary and agenda, the roll and quorum, declarations,
// the speaker queue and the challenge log. Client-safe (components type their props with these); the
// server's meetings/ builds them and documents its endpoints with them.
import { z } from 'zod';
import {
	ATTENDANCE_STATUSES,
	type AttendanceStatus,
	CHALLENGE_KINDS,
	CHALLENGE_TARGETS,
	CONTRIBUTION_TYPES,
	type ChallengeKind,
	type ChallengeTarget,
	DECISION_EFFECTS,
	DECLARATION_ACTIONS,
	type DecisionEffect,
	ITEM_PURPOSES,
	MEETING_STATUSES,
	RESPONSE_STATUSES,
	type ResponseStatus,
	SEAT_ROLES,
	SECTORS,
	type Sector
} from '../vocabulary.ts';

const MeetingStatus = z.enum(Object.keys(MEETING_STATUSES) as [keyof typeof MEETING_STATUSES]);

export const MeetingSummary = z.object({
	id: z.string(),
	bodyId: z.string(),
	title: z.string(),
	startsAt: z.iso.datetime(),
	status: MeetingStatus,
	durationMinutes: z.number(),
	place: z.string(),
	onlineLink: z.string(),
	/** The other bodies holding the meeting jointly with its host body (empty for most meetings). */
	jointBodyIds: z.array(z.string())
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const AgendaItemView = z.object({
	id: z.string(),
	order: z.number(),
	title: z.string(),
	purpose: z.enum(Object.keys(ITEM_PURPOSES) as [keyof typeof ITEM_PURPOSES]),
	presenterOrganisationId: z.string().nullable(),
	minutes: z.number().nullable(),
	/** Taken in private: left out of the public pages. */
	private: z.boolean(),
	withdrawn: z.boolean()
});

export const MeetingView = MeetingSummary.extend({
	access: z.enum(['write', 'read']),
	agendaIssuedAt: z.iso.datetime().nullable(),
	startedAt: z.iso.datetime().nullable(),
	closedAt: z.iso.datetime().nullable(),
	/** When an officer called the meeting off, and why; null and empty for a meeting not cancelled. */
	cancelledAt: z.iso.datetime().nullable(),
	cancelReason: z.string(),
	/** The item under discussion while the meeting is in progress, and since when (its timer). */
	currentItemId: z.string().nullable(),
	currentItemAt: z.iso.datetime().nullable(),
	items: z.array(AgendaItemView),
	documents: z.object({
		agenda: z.string(),
		evidence: z.string(),
		decisions: z.string(),
		minutes: z.string()
	})
});
export type MeetingView = z.infer<typeof MeetingView>;

export const PersonView = z.object({
	membershipId: z.string(),
	name: z.string(),
	organisationId: z.string(),
	organisationName: z.string(),
	sector: z.enum(Object.keys(SECTORS) as [Sector])
});
export type PersonView = z.infer<typeof PersonView>;

export const RollEntryView = z.object({
	membershipId: z.string(),
	userId: z.string(),
	name: z.string(),
	title: z.string(),
	organisationId: z.string(),
	organisationName: z.string(),
	sector: z.enum(Object.keys(SECTORS) as [keyof typeof SECTORS]),
	delegatedAuthority: z.boolean(),
	seatRole: z.enum(Object.keys(SEAT_ROLES) as [keyof typeof SEAT_ROLES]).nullable(),
	status: z.enum(Object.keys(ATTENDANCE_STATUSES) as [AttendanceStatus]).nullable(),
	/** SUBSTITUTE_FOR: the seat holder they stand in for. */
	substituteForId: z.string().nullable(),
	/** APOLOGIES: the colleague named to attend instead. */
	substituteId: z.string().nullable(),
	arrivedAt: z.iso.datetime().nullable(),
	voting: z.boolean(),
	/** The holding bodies whose quorum they count towards (one, except at a joint meeting). */
	votingFor: z.array(z.string()),
	here: z.boolean()
});
export type RollEntryView = z.infer<typeof RollEntryView>;

export const QuorumView = z.object({
	rule: z.number().nullable(),
	present: z.number(),
	met: z.boolean()
});

export type QuorumView = z.infer<typeof QuorumView>;

/** One holding body's quorum: at a joint meeting each body's is computed from its own seats. */
export const BodyQuorumView = QuorumView.extend({
	bodyId: z.string(),
	name: z.string(),
	/** The body's voting seats. */
	seats: z.number()
});
export type BodyQuorumView = z.infer<typeof BodyQuorumView>;

export const AttendanceView = z.object({
	roll: z.array(RollEntryView),
	quorum: QuorumView,
	/** Each holding body's quorum, host first (one entry at a single-body meeting). */
	bodies: z.array(BodyQuorumView)
});
export type AttendanceView = z.infer<typeof AttendanceView>;

/** A member on an agenda item, as a declaration and a turn both name them. */
const memberOnItem = {
	agendaItemId: z.string(),
	agendaItemTitle: z.string(),
	/** The member who declared, or who speaks. */
	membershipId: z.string(),
	name: z.string(),
	organisationId: z.string(),
	organisationName: z.string()
};

export const DeclarationView = z.object({
	id: z.string(),
	meetingId: z.string(),
	...memberOnItem,
	nature: z.string(),
	action: z.enum(Object.keys(DECLARATION_ACTIONS) as [keyof typeof DECLARATION_ACTIONS]),
	/** Who entered it: the member themselves, or the officer who recorded it for them. */
	recordedById: z.string(),
	recordedByName: z.string(),
	createdAt: z.iso.datetime(),
	/** False once a later declaration by the same member on the same item supersedes it. */
	current: z.boolean()
});
export type DeclarationView = z.infer<typeof DeclarationView>;

export const TurnView = z.object({
	id: z.string(),
	...memberOnItem,
	sector: z.enum(Object.keys(SECTORS) as [keyof typeof SECTORS]),
	type: z.enum(Object.keys(CONTRIBUTION_TYPES) as [keyof typeof CONTRIBUTION_TYPES]),
	summary: z.string(),
	/** Who put them in the queue: themselves, or the officer or chair who added them. */
	requestedById: z.string(),
	requestedAt: z.iso.datetime(),
	startedAt: z.iso.datetime().nullable(),
	endedAt: z.iso.datetime().nullable(),
	/** A request taken out of the queue before it was called. */
	cancelledAt: z.iso.datetime().nullable(),
	/** Length of the turn: so far while speaking, in full once ended; null while waiting. */
	seconds: z.number().nullable()
});
export type TurnView = z.infer<typeof TurnView>;

export const SpeakersView = z.object({
	/** Waiting to speak, in the order they asked. */
	queue: z.array(TurnView),
	speaking: TurnView.nullable(),
	/** Finished turns, in the order they were taken. */
	turns: z.array(TurnView)
});
export type SpeakersView = z.infer<typeof SpeakersView>;

const Named = z.object({ id: z.string(), name: z.string() });

export const ResponseView = z.object({
	id: z.string(),
	respondedBy: PersonView.nullable(),
	text: z.string(),
	status: z.enum(Object.keys(RESPONSE_STATUSES) as [ResponseStatus]),
	effect: z.enum(Object.keys(DECISION_EFFECTS) as [DecisionEffect]),
	recordedById: z.string(),
	recordedByName: z.string(),
	createdAt: z.iso.datetime()
});
export type ResponseView = z.infer<typeof ResponseView>;

export const ChallengeView = z.object({
	id: z.string(),
	meetingId: z.string(),
	agendaItemId: z.string(),
	itemTitle: z.string(),
	raisedBy: PersonView,
	directedToOrganisation: Named.nullable(),
	directedTo: PersonView.nullable(),
	target: z.enum(Object.keys(CHALLENGE_TARGETS) as [ChallengeTarget]),
	evidenceItemId: z.string().nullable(),
	/** Null when the paper is restricted and the caller may not see it (its quote is then left out too). */
	evidenceTitle: z.string().nullable(),
	quote: z.string(),
	kind: z.enum(Object.keys(CHALLENGE_KINDS) as [ChallengeKind]),
	text: z.string(),
	recordedById: z.string(),
	recordedByName: z.string(),
	createdAt: z.iso.datetime(),
	/** Oldest first; the last is the current answer. */
	responses: z.array(ResponseView),
	/** The latest response's status, or null while unanswered. */
	status: z.enum(Object.keys(RESPONSE_STATUSES) as [ResponseStatus]).nullable(),
	effect: z.enum(Object.keys(DECISION_EFFECTS) as [DecisionEffect]).nullable()
});
export type ChallengeView = z.infer<typeof ChallengeView>;
