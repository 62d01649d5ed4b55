// The shape of a meeting's review (GET /api/v1/meetings/{id}/review) and of a body's trends: one zod
// schema for the API's response, the OpenAPI document and the pages. Shares are 0..1, or null when there
// was nothing to divide (no turns, no decisions): the pages print "–" for null, never 0.
import { z } from 'zod';
import { DQI_KEYS } from './dqi.ts';
import { BODY_KINDS, INFLUENCE_LEVELS, type InfluenceLevel } from '../vocabulary.ts';
import { INFLUENCE_GAPS, type InfluenceGap } from '../influence.ts';

const Influence = z.enum(Object.keys(INFLUENCE_LEVELS) as [InfluenceLevel]);

const Share = z.number().min(0).max(1).nullable();
const BodyKindSchema = z.enum(Object.keys(BODY_KINDS) as [keyof typeof BODY_KINDS]);
const Sector = z.string();

export const ParticipationRow = z.object({
	/** The people who took part (recorded present, or spoke): a group of fewer than 3 is merged for readers. */
	people: z.number().int(),
	seats: z.number().int(),
	present: z.number().int(),
	turns: z.number().int(),
	seconds: z.number(),
	seatShare: Share,
	turnShare: Share,
	timeShare: Share
});

export const ParticipationView = z.object({
	byOrganisation: z.array(
		ParticipationRow.extend({
			organisationId: z.string(),
			organisation: z.string(),
			sector: Sector
		})
	),
	bySector: z.array(ParticipationRow.extend({ sector: Sector })),
	/** Elected members, partners' officers, community representatives and others, each apart. */
	byStanding: z.array(ParticipationRow.extend({ standing: z.string() })),
	/** Each organisation split by standing: a council's elected members apart from its officers. */
	byOrganisationAndStanding: z.array(
		ParticipationRow.extend({
			organisationId: z.string(),
			organisation: z.string(),
			standing: z.string()
		})
	),
	/** Gini of speaking time over the members present, silent members counting 0. */
	gini: z.number().nullable(),
	membersPresent: z.number().int(),
	silentMembers: z.number().int(),
	/** Community organisations' members (sector COMMUNITY), counted apart from the third sector's. */
	community: z.object({ seatShare: Share, turnShare: Share, timeShare: Share }),
	/** Third-sector organisations' members (sector THIRD_SECTOR). */
	thirdSector: z.object({ seatShare: Share, turnShare: Share, timeShare: Share })
});

export const ScrutinyView = z.object({
	decisionItems: z.number().int(),
	challenges: z.number().int(),
	challengesPerDecisionItem: z.number().nullable(),
	answered: z.number().int(),
	answeredShare: Share,
	changedDecision: z.number().int(),
	changedDecisionShare: Share,
	byItem: z.array(
		z.object({
			agendaItemId: z.string(),
			title: z.string(),
			purpose: z.string(),
			challenges: z.number().int()
		})
	),
	/** Who challenged whom: rows are the challenger's sector, columns the sector challenged. */
	matrix: z.object({
		sectors: z.array(Sector),
		counts: z.array(z.array(z.number().int())),
		/** Challenges put to no organisation in particular, by the challenger's sector. */
		undirected: z.array(z.number().int()),
		/** Per sector, the people who raised a challenge or to whom one was put. */
		people: z.array(z.number().int())
	}),
	/** Decisions taken with no challenge on their item and no alternatives recorded. */
	unchallenged: z.array(
		z.object({ decisionId: z.string(), agendaItemId: z.string(), title: z.string() })
	)
});

export const EvidenceView = z.object({
	decisions: z.number().int(),
	citingEvidence: z.number().int(),
	citingShare: Share,
	kinds: z.array(z.object({ kind: z.string(), count: z.number().int() })),
	papers: z.number().int(),
	/** Papers added fewer than `lateDays` days before the meeting. */
	latePapers: z.number().int(),
	lateShare: Share,
	lateDays: z.number().int()
});

export const ForumVoiceView = z.object({
	decisions: z.number().int(),
	answeringPriority: z.number().int(),
	answeringShare: Share,
	priorities: z.array(
		z.object({
			priorityId: z.string(),
			title: z.string(),
			forum: z.string(),
			raisedAt: z.iso.datetime(),
			decidedAt: z.iso.datetime().nullable(),
			daysToDecision: z.number().nullable(),
			responsePublished: z.boolean(),
			/** The influence promised when the priority was accepted, and the influence the decision records. */
			influencePromised: Influence.nullable(),
			influenceAchieved: Influence.nullable(),
			influenceGap: z.enum(Object.keys(INFLUENCE_GAPS) as [InfluenceGap]).nullable(),
			/** "Promised: Involve; achieved: Consult — less than promised". */
			influenceWords: z.string()
		})
	),
	medianDaysToDecision: z.number().nullable(),
	responsesPublished: z.number().int(),
	/** Priorities decided here with both a promise and an achieved level. */
	influenceCompared: z.number().int(),
	/** Of those, how many had as much influence as promised, or more. */
	influenceKept: z.number().int(),
	/** Of those, how many had less than promised. */
	influenceLess: z.number().int(),
	influenceKeptShare: Share
});

export const TimeUseView = z.object({
	/**
	 * Where the minutes used come from: 'currentItem', the record of when each item became current (the
	 * meeting's start, each change of item, its close); 'turns', the minutes spoken on each item, when the
	 * record has no such trail.
	 */
	basis: z.enum(['currentItem', 'turns']),
	items: z.array(
		z.object({
			agendaItemId: z.string(),
			title: z.string(),
			purpose: z.string(),
			allotted: z.number().nullable(),
			used: z.number()
		})
	),
	byPurpose: z.array(z.object({ purpose: z.string(), allotted: z.number(), used: z.number() })),
	/** "Talking shop": the share of the time used that went on items for information rather than decision. */
	informationShare: Share,
	decisionShare: Share
});

const Distribution = z.array(z.object({ value: z.number().int(), count: z.number().int() }));

export const DqiView = z.object({
	/** Whose codes these are: 'own' before publication (the viewer's), 'all' once published, 'none'. */
	scope: z.enum(['own', 'all', 'none']),
	coders: z.number().int(),
	contributions: z.number().int(),
	codedContributions: z.number().int(),
	categories: z.array(
		z.object({
			category: z.enum(DQI_KEYS),
			codes: z.number().int(),
			notApplicable: z.number().int(),
			distribution: Distribution,
			/** For ordinal categories; null for nominal ones or with no levels coded. */
			mean: z.number().nullable()
		})
	),
	byOrganisation: z.array(
		z.object({
			organisation: z.string(),
			sector: Sector,
			/** The speakers whose contributions were coded with a level. */
			people: z.number().int(),
			means: z.record(z.string(), z.number().nullable()),
			/** The levels coded behind each mean, to weight them when groups are merged. */
			levels: z.record(z.string(), z.number().int())
		})
	),
	bySector: z.array(
		z.object({
			sector: Sector,
			people: z.number().int(),
			means: z.record(z.string(), z.number().nullable()),
			levels: z.record(z.string(), z.number().int())
		})
	)
});

/**
 * Figures by organisation or sector where fewer than `minimum` people took part are merged into one
 * "Other" group for members, observers and any published output (review/small-groups.ts). `view` says which
 * figures this reader has: 'merged', or 'full' (reviewers and officers, who do the analysis).
 */
export const SmallGroupsView = z.object({
	minimum: z.number().int(),
	view: z.enum(['merged', 'full']),
	/** Whether any group was merged (in the figures this reader has, or would be for members). */
	merged: z.boolean(),
	/** The rule in words, naming no group. */
	note: z.string()
});

export const AgreementView = z.object({
	coders: z.number().int(),
	/** Cohen's kappa with two coders (weighted for ordinal categories), Krippendorff's alpha with three or more. */
	method: z.enum(['kappa', 'alpha']).nullable(),
	categories: z.array(
		z.object({
			category: z.enum(DQI_KEYS),
			/** The units coded by enough coders to compare. */
			units: z.number().int(),
			value: z.number().nullable()
		})
	),
	/** How many contribution × category cells the coders disagree on (for every reader). */
	disagreementCount: z.number().int(),
	/**
	 * Whether `disagreements` lists them: for the coding team and officers only; members and observers
	 * get the count (individual codes stay with the coding team, issue 17).
	 */
	disagreementsListed: z.boolean(),
	/** Contributions and categories the coders disagree on, to reconcile. Values only once published. */
	disagreements: z.array(
		z.object({
			contributionId: z.string(),
			/** Where the contribution comes in the meeting (1 = the first turn), who spoke and on which item. */
			turn: z.number().int().optional(),
			speaker: z.string().optional(),
			organisation: z.string().optional(),
			item: z.string().optional(),
			category: z.enum(DQI_KEYS),
			values: z
				.array(z.object({ coder: z.string(), value: z.number().int().nullable() }))
				.nullable()
		})
	)
});

export const SurveyResultsView = z.object({
	eligible: z.number().int(),
	responses: z.number().int(),
	/** When answering stops (14 days after the meeting closed, or when its minutes were approved). */
	closesAt: z.iso.datetime(),
	open: z.boolean(),
	/**
	 * False until the survey has closed and enough members have answered, so results never change once
	 * shown and no single answer can be singled out.
	 */
	shown: z.boolean(),
	minimum: z.number().int(),
	statements: z.array(
		z.object({
			key: z.string(),
			text: z.string(),
			/** Counts of 1..5. */
			distribution: z.array(z.number().int()),
			answered: z.number().int(),
			mean: z.number().nullable()
		})
	),
	/** Comments in a fixed order unrelated to when they were given. */
	comments: z.array(z.string())
});

/** One step of a review's publication: published first, then reopened (with why) and republished. */
export const PublicationStep = z.object({
	step: z.enum(['PUBLISHED', 'REOPENED', 'REPUBLISHED']),
	at: z.iso.datetime(),
	by: z.string(),
	/** Why it was reopened; empty for the other steps. */
	reason: z.string()
});
export type PublicationStep = z.infer<typeof PublicationStep>;

export const MeetingReviewView = z.object({
	meeting: z.object({
		id: z.string(),
		title: z.string(),
		bodyId: z.string(),
		body: z.string(),
		startsAt: z.iso.datetime(),
		status: z.string()
	}),
	/** The first publication; the review stays readable to members from then on. */
	published: z.object({ at: z.iso.datetime(), by: z.string() }).nullable(),
	/** True while an officer has reopened it: its codes and notes may change until it is republished. */
	reopened: z.boolean(),
	/** Published, reopened and republished, oldest first; empty before publication. */
	history: z.array(PublicationStep),
	smallGroups: SmallGroupsView,
	participation: ParticipationView,
	scrutiny: ScrutinyView,
	evidence: EvidenceView,
	forumVoice: ForumVoiceView,
	timeUse: TimeUseView,
	dqi: DqiView,
	agreement: AgreementView,
	survey: SurveyResultsView,
	notes: z.array(z.object({ author: z.string(), text: z.string(), createdAt: z.iso.datetime() }))
});
export type MeetingReviewView = z.infer<typeof MeetingReviewView>;

/** One meeting's headline figures, for trends across a body's meetings. */
export const TrendPoint = z.object({
	meetingId: z.string(),
	title: z.string(),
	startsAt: z.iso.datetime(),
	published: z.boolean(),
	/** Counts behind the shares, for totals over a period. */
	decisions: z.number().int(),
	challenges: z.number().int(),
	/** Forum priorities answered by the meeting's decisions. */
	prioritiesDecided: z.number().int(),
	gini: z.number().nullable(),
	communitySeatShare: Share,
	communityTimeShare: Share,
	thirdSectorSeatShare: Share,
	thirdSectorTimeShare: Share,
	challengesPerDecisionItem: z.number().nullable(),
	answeredShare: Share,
	changedDecisionShare: Share,
	citingEvidenceShare: Share,
	latePaperShare: Share,
	answeringPriorityShare: Share,
	informationShare: Share,
	/** Means of the ordinal DQI categories, from published reviews only. */
	dqiMeans: z.record(z.string(), z.number().nullable()),
	/** Survey means per statement, when enough members answered. */
	surveyMeans: z.record(z.string(), z.number().nullable())
});

export const ReviewTrendsView = z.object({
	/** kind: the kind of body, which words the survey's statements. */
	body: z.object({ id: z.string(), name: z.string(), kind: BodyKindSchema }),
	/** The community and third-sector shares follow the small-groups rule for this reader. */
	smallGroups: SmallGroupsView,
	meetings: z.array(TrendPoint)
});
export type ReviewTrendsView = z.infer<typeof ReviewTrendsView>;

/** The headline figures averaged over meetings: each the mean of the meetings that have it (not null). */
export const TrendAverages = TrendPoint.pick({
	gini: true,
	communitySeatShare: true,
	communityTimeShare: true,
	thirdSectorSeatShare: true,
	thirdSectorTimeShare: true,
	challengesPerDecisionItem: true,
	answeredShare: true,
	changedDecisionShare: true,
	citingEvidenceShare: true,
	latePaperShare: true,
	answeringPriorityShare: true,
	informationShare: true,
	dqiMeans: true,
	surveyMeans: true
});
export type TrendAverages = z.infer<typeof TrendAverages>;

const PeriodCounts = z.object({
	/** Closed meetings in the period whose figures the reader may see. */
	meetings: z.number().int(),
	/** Of those, the meetings whose review is published. */
	published: z.number().int(),
	decisions: z.number().int(),
	challenges: z.number().int(),
	prioritiesDecided: z.number().int(),
	averages: TrendAverages
});

/** A partnership's reviews over a period, per body and in total: for a CPP's annual outcome report. */
export const ReviewSummaryView = z.object({
	partnership: z.object({ slug: z.string(), name: z.string() }),
	from: z.iso.date(),
	to: z.iso.date(),
	/** The community and third-sector shares follow the small-groups rule for this reader (always merged in the annual report). */
	smallGroups: SmallGroupsView,
	bodies: z.array(
		PeriodCounts.extend({
			body: z.object({ id: z.string(), name: z.string(), kind: BodyKindSchema })
		})
	),
	totals: PeriodCounts.extend({ bodies: z.number().int() })
});
export type ReviewSummaryView = z.infer<typeof ReviewSummaryView>;
