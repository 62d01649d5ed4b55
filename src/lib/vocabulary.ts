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

export const CAPACITIES = {
	OF_ORGANISATION: 'Represents their organisation',
	FROM_SECTOR: 'Speaks for their sector'
} as const;
export type Capacity = keyof typeof CAPACITIES;

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
	MINUTES_APPROVED: 'Minutes approved'
} as const;
export type MeetingStatus = keyof typeof MEETING_STATUSES;

export const ITEM_PURPOSES = {
	DECISION: 'Decision',
	DISCUSSION: 'Discussion',
	SCRUTINY: 'Scrutiny',
	INFORMATION: 'Information'
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
