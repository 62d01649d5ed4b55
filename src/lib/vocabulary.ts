// The words the product uses for each kind of thing, shared by the server's schemas and the pages.

export const SECTORS = {
	COUNCIL: 'Council',
	HEALTH: 'Health',
	POLICE: 'Police',
	FIRE_RESCUE: 'Fire and rescue',
	ENTERPRISE: 'Enterprise',
	EDUCATION: 'Education',
	THIRD_SECTOR: 'Third sector',
	COMMUNITY: 'Community',
	PRIVATE: 'Private',
	OTHER: 'Other'
} as const;
export type Sector = keyof typeof SECTORS;

export const PARTNERSHIP_ROLES = {
	ADMIN: 'Partnership admin',
	SECRETARIAT: 'Secretariat officer',
	MEMBER: 'Member',
	REVIEWER: 'Reviewer',
	OBSERVER: 'Observer'
} as const;
export type PartnershipRole = keyof typeof PARTNERSHIP_ROLES;

/**
 * The capacity a member sits in. One who sits *from* a sector brings its perspective as an individual and
 * does not speak for it (2002 study of community planning partnerships, 3.17–3.18 and 10.8: representatives
 * "from rather than of their particular sector"); one who sits *of* an organisation represents it.
 */
export const CAPACITIES = {
	OF_ORGANISATION: 'Represents their organisation',
	FROM_SECTOR: 'Brings their sector’s perspective, without speaking for it'
} as const;
export type Capacity = keyof typeof CAPACITIES;
/** What each capacity means, for the API document. */
export const CAPACITY_MEANING =
	'OF_ORGANISATION: represents their organisation. FROM_SECTOR: sits from their sector, bringing its ' +
	'perspective as an individual without speaking for it.';

/** Where the person stands at the table: elected members are counted apart from their partner's officers. */
export const STANDINGS = {
	ELECTED_MEMBER: 'Elected member',
	OFFICER: 'Officer of a partner',
	COMMUNITY_REPRESENTATIVE: 'Community representative',
	OTHER: 'Other'
} as const;
export type Standing = keyof typeof STANDINGS;

export const BODY_KINDS = {
	BOARD: 'Board',
	IMPLEMENTATION_GROUP: 'Implementation group',
	THEME_GROUP: 'Theme group',
	LOCALITY_FORUM: 'Locality forum',
	COMMUNITY_COUNCIL: 'Community council',
	OTHER: 'Other'
} as const;
export type BodyKind = keyof typeof BODY_KINDS;

export const SEAT_ROLES = {
	CHAIR: 'Chair',
	VICE_CHAIR: 'Vice-chair',
	MEMBER: 'Member',
	SUBSTITUTE: 'Substitute',
	ADVISER: 'Adviser'
} as const;
export type SeatRole = keyof typeof SEAT_ROLES;

export const MEETING_STATUSES = {
	DRAFT: 'Draft',
	AGENDA_ISSUED: 'Agenda issued',
	IN_PROGRESS: 'In progress',
	CLOSED: 'Closed',
	MINUTES_APPROVED: 'Minutes approved',
	CANCELLED: 'Cancelled'
} as const;
export type MeetingStatus = keyof typeof MEETING_STATUSES;

export const ITEM_PURPOSES = {
	DECISION: 'Decision',
	DISCUSSION: 'Discussion',
	SCRUTINY: 'Scrutiny',
	INFORMATION: 'Information',
	PERFORMANCE: 'Performance',
	RISK_REVIEW: 'Risk review'
} as const;
export type ItemPurpose = keyof typeof ITEM_PURPOSES;

export const EVIDENCE_KINDS = {
	STATISTICS: 'Statistics',
	RESEARCH: 'Research',
	CONSULTATION: 'Consultation findings',
	LIVED_EXPERIENCE: 'Lived experience',
	PERFORMANCE: 'Performance report',
	FINANCIAL: 'Financial',
	RISK: 'Risk',
	EQUALITY_IMPACT: 'Equality impact assessment'
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

export const CONFIDENTIALITIES = {
	PUBLIC: 'Public',
	PARTNERS: 'Partners only',
	RESTRICTED: 'Restricted'
} as const;
export type Confidentiality = keyof typeof CONFIDENTIALITIES;

export const ATTENDANCE_STATUSES = {
	PRESENT: 'Present',
	APOLOGIES: 'Apologies',
	ABSENT: 'Absent',
	SUBSTITUTE_FOR: 'Substitute for'
} as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;

export const DECLARATION_ACTIONS = {
	WITHDREW: 'Withdrew from the item',
	NO_PART_IN_DECISION: 'Took no part in the decision',
	REMAINED: 'Remained and took part'
} as const;
export type DeclarationAction = keyof typeof DECLARATION_ACTIONS;

export const CONTRIBUTION_TYPES = {
	CONTRIBUTION: 'Contribution',
	QUESTION: 'Question',
	CHALLENGE: 'Challenge',
	RESPONSE: 'Response',
	PROPOSAL: 'Proposal',
	POINT_OF_ORDER: 'Point of order'
} as const;
export type ContributionType = keyof typeof CONTRIBUTION_TYPES;

export const CHALLENGE_KINDS = {
	EVIDENCE: 'Evidence',
	ASSUMPTION: 'Assumption',
	EQUALITIES: 'Equalities',
	RESOURCES: 'Resources',
	RISK: 'Risk',
	COMMUNITY_VIEW: 'Community view',
	ALTERNATIVE: 'Alternative',
	PROCESS: 'Process'
} as const;
export type ChallengeKind = keyof typeof CHALLENGE_KINDS;

export const CHALLENGE_TARGETS = {
	EVIDENCE: 'An evidence item',
	DECISION: 'The draft decision',
	REPORT: 'A partner’s report'
} as const;
export type ChallengeTarget = keyof typeof CHALLENGE_TARGETS;

export const RESPONSE_STATUSES = {
	ANSWERED: 'Answered',
	PARTLY: 'Partly answered',
	ACTION_AGREED: 'Action agreed',
	UNRESOLVED: 'Unresolved',
	WITHDRAWN: 'Withdrawn'
} as const;
export type ResponseStatus = keyof typeof RESPONSE_STATUSES;

export const DECISION_EFFECTS = {
	AMENDED: 'Decision amended',
	NONE: 'No change to the decision',
	DEFERRED: 'Decision deferred'
} as const;
export type DecisionEffect = keyof typeof DECISION_EFFECTS;

export const DECISION_OUTCOMES = {
	AGREED: 'Agreed',
	NOTED: 'Noted',
	DEFERRED: 'Deferred',
	REJECTED: 'Rejected',
	REFERRED: 'Referred'
} as const;
export type DecisionOutcome = keyof typeof DECISION_OUTCOMES;

export const DECISION_METHODS = {
	CONSENSUS: 'Consensus',
	VOTE: 'Vote'
} as const;
export type DecisionMethod = keyof typeof DECISION_METHODS;

export const ACTION_STATUSES = {
	OPEN: 'Open',
	IN_PROGRESS: 'In progress',
	DONE: 'Done',
	DROPPED: 'Dropped'
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

/** Seats whose holders count towards the quorum and take part in decisions. */
export const VOTING_SEATS = ['CHAIR', 'VICE_CHAIR', 'MEMBER'] as const;

export const ENGAGEMENT_METHODS = {
	PUBLIC_MEETING: 'Public meeting',
	WORKSHOP: 'Workshop',
	SURVEY: 'Survey',
	PARTICIPATORY_BUDGETING: 'Participatory budgeting',
	CITIZENS_PANEL: 'Citizens’ panel',
	COMMUNITY_ACTIVITY: 'Community activity',
	OTHER: 'Other'
} as const;
export type EngagementMethod = keyof typeof ENGAGEMENT_METHODS;

/** The seven National Standards for Community Engagement. */
export const ENGAGEMENT_STANDARDS = {
	INCLUSION: 'Inclusion',
	SUPPORT: 'Support',
	PLANNING: 'Planning',
	WORKING_TOGETHER: 'Working together',
	METHODS: 'Methods',
	COMMUNICATION: 'Communication',
	IMPACT: 'Impact'
} as const;
export type EngagementStandard = keyof typeof ENGAGEMENT_STANDARDS;

export const PRIORITY_STATUSES = {
	RAISED: 'Raised',
	SUBMITTED: 'Submitted',
	ACCEPTED: 'Accepted',
	DECLINED: 'Declined',
	SCHEDULED: 'Scheduled',
	DECIDED: 'Decided',
	FEEDBACK_PUBLISHED: 'Response published',
	CLOSED: 'Closed'
} as const;
export type PriorityStatus = keyof typeof PRIORITY_STATUSES;

export const PRIORITY_EVENT_TYPES = {
	RAISED: 'Raised',
	SUBMITTED: 'Submitted',
	ACCEPTED: 'Accepted',
	DECLINED: 'Declined',
	PASSED_ON: 'Passed on',
	PASSED_SIDEWAYS: 'Passed sideways',
	REFERRED_DOWN: 'Referred down',
	SCHEDULED: 'Scheduled on an agenda',
	DECIDED: 'Decided',
	ACTION: 'Action agreed',
	FEEDBACK_PUBLISHED: 'Response published',
	CLOSED: 'Closed',
	MATTER_ARISING: 'Matter arising',
	RESPONSE_ACCEPTED: 'Response accepted'
} as const;
export type PriorityEventType = keyof typeof PRIORITY_EVENT_TYPES;

/** The IAP2 spectrum: how much influence the public had. */
export const INFLUENCE_LEVELS = {
	INFORM: 'Inform',
	CONSULT: 'Consult',
	INVOLVE: 'Involve',
	COLLABORATE: 'Collaborate',
	EMPOWER: 'Empower'
} as const;
export type InfluenceLevel = keyof typeof INFLUENCE_LEVELS;

export const OUTCOME_KINDS = {
	LOIP: 'Local Outcomes Improvement Plan',
	LOCALITY_PLAN: 'Locality plan'
} as const;
export type OutcomeKind = keyof typeof OUTCOME_KINDS;

export const INDICATOR_DIRECTIONS = {
	UP: 'Up is better',
	DOWN: 'Down is better'
} as const;
export type IndicatorDirection = keyof typeof INDICATOR_DIRECTIONS;

/** An indicator's status, by the rule in docs/OUTCOMES.md. */
export const INDICATOR_STATUSES = {
	ON_TRACK: 'On track',
	AT_RISK: 'At risk',
	OFF_TRACK: 'Off track',
	NO_RECENT_READING: 'No recent reading'
} as const;
export type IndicatorStatus = keyof typeof INDICATOR_STATUSES;

/** Whether a partner kept a commitment it gave at a decision, read from the record (docs/OUTCOMES.md). */
export const COMMITMENT_STATES = {
	KEPT: 'Kept',
	IN_HAND: 'In hand',
	OVERDUE: 'Overdue',
	AWAITING_RATIFICATION: 'Awaiting ratification',
	NOT_KEPT: 'Not kept',
	NO_ACTION: 'No action recorded'
} as const;
export type CommitmentState = keyof typeof COMMITMENT_STATES;

export const RISK_STATUSES = {
	OPEN: 'Open',
	CLOSED: 'Closed'
} as const;
export type RiskStatus = keyof typeof RISK_STATUSES;

/** A risk's band by its score (likelihood × impact), by the rule in src/lib/risk-bands.ts. */
export const RISK_BANDS = {
	LOW: 'Low',
	MEDIUM: 'Medium',
	HIGH: 'High',
	VERY_HIGH: 'Very high'
} as const;
export type RiskBand = keyof typeof RISK_BANDS;

/** What an edit of a risk changed, and how (the risk's history on its page). */
export const RISK_CHANGE_FIELDS = {
	TITLE: 'Title',
	DESCRIPTION: 'What the risk is',
	OUTCOME: 'Outcome',
	DECISION: 'Decision',
	ACTION: 'Action'
} as const;
export const RISK_CHANGES = {
	REWORDED: 'Reworded',
	LINKED: 'Linked',
	UNLINKED: 'No longer linked'
} as const;

/** The words of the 5×5 scales, from 1 to 5. */
export const RISK_LIKELIHOODS = [
	'Rare',
	'Unlikely',
	'Possible',
	'Likely',
	'Almost certain'
] as const;
export const RISK_IMPACTS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

/** How an indicator moved since a decision, in the direction that is better (the trace). */
export const INDICATOR_MOVEMENTS = {
	BETTER: 'Better',
	WORSE: 'Worse',
	UNCHANGED: 'Unchanged',
	NO_READING_SINCE: 'No reading since',
	NOTHING_TO_COMPARE: 'Nothing before to compare with'
} as const;
export type IndicatorMovement = keyof typeof INDICATOR_MOVEMENTS;
