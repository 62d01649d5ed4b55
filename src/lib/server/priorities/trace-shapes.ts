// The shapes of the trace: what a trace query may ask, the flow graph's nodes and links, one row per
// priority, and the small date and text helpers the trace's reads share.
import { z } from 'zod';
import { now } from '../platform/index.ts';
import { isoDate, reference, searchText } from '../platform/index.ts';
import {
	INDICATOR_DIRECTIONS,
	INDICATOR_MOVEMENTS,
	INDICATOR_STATUSES,
	INFLUENCE_LEVELS,
	PRIORITY_EVENT_TYPES,
	PRIORITY_STATUSES,
	type IndicatorMovement,
	type InfluenceLevel,
	type PriorityEventType,
	type PriorityStatus
} from '../../vocabulary.ts';
import { INFLUENCE_GAPS, type InfluenceGap } from '../../influence.ts';

export const DATE_MESSAGE = 'Enter a date, for example 2026-07-01';
export const DAY_MS = 86_400_000;

export const influence = z.enum(Object.keys(INFLUENCE_LEVELS) as [InfluenceLevel]);
export const influenceGap = z.enum(Object.keys(INFLUENCE_GAPS) as [InfluenceGap]);
export const priorityStatus = z.enum(Object.keys(PRIORITY_STATUSES) as [PriorityStatus]);
export const eventType = z.enum(Object.keys(PRIORITY_EVENT_TYPES) as [PriorityEventType]);

/** Which part of the record to trace: a period (on the priorities' event dates), a forum, theme, partner. */
export const TraceQuery = z.object({
	from: isoDate(DATE_MESSAGE).optional(),
	to: isoDate(DATE_MESSAGE).optional(),
	/** The raising body. */
	forum: reference('Choose a forum').optional(),
	theme: searchText('the theme', 200),
	/** The lead organisation of the priority or the owner of one of its actions. */
	partner: reference('Choose a partner organisation').optional()
});
export type TraceQuery = z.infer<typeof TraceQuery>;

export const TRACE_NODE_TYPES = [
	'forum',
	'priority',
	'body',
	'agendaItem',
	'decision',
	'action',
	'outcome',
	'indicator'
] as const;
export const TRACE_LINK_TYPES = [
	'raised',
	'submitted',
	'passed_on',
	'passed_sideways',
	'referred_down',
	'accepted',
	'declined',
	'scheduled',
	'decided_on',
	'decided',
	'action',
	'outcome',
	'indicator'
] as const;

/** An indicator's figures since one decision whose actions serve its outcome. */
export const IndicatorSince = z.object({
	decisionId: z.string(),
	/** The day the decision was recorded (UK time). */
	decidedOn: z.iso.date(),
	/**
	 * The figure in force on that day: the latest reading at or before it, or the indicator's baseline when
	 * no reading is that old (null when even the baseline is later).
	 */
	before: z
		.object({ value: z.number(), on: z.iso.date(), kind: z.enum(['reading', 'baseline']) })
		.nullable(),
	/** The latest reading, when it is for a day after the decision's; null when none is. */
	after: z.object({ value: z.number(), on: z.iso.date() }).nullable(),
	/** after − before, in the indicator's unit; null without both. */
	change: z.number().nullable(),
	movement: z.enum(Object.keys(INDICATOR_MOVEMENTS) as [IndicatorMovement]),
	/** The same, in words and figures. */
	words: z.string()
});
export type IndicatorSince = z.infer<typeof IndicatorSince>;

/** What the trace shows of an indicator. Readings counted are those in force (corrected ones are not). */
export const TraceIndicator = z.object({
	outcomeId: z.string(),
	name: z.string(),
	unit: z.string(),
	direction: z.enum(Object.keys(INDICATOR_DIRECTIONS) as [keyof typeof INDICATOR_DIRECTIONS]),
	/** Today's status, by the rule of the outcome page (src/lib/indicator-status.ts). */
	status: z.enum(Object.keys(INDICATOR_STATUSES) as [keyof typeof INDICATOR_STATUSES]),
	latest: z.object({ value: z.number(), on: z.iso.date() }).nullable(),
	/** The outcome page's section with its chart: `/p/<slug>/outcomes/<outcomeId>#indicator-<id>`. */
	chart: z.string()
});
export type TraceIndicator = z.infer<typeof TraceIndicator>;

export const TraceNode = z.object({
	/** `<type>:<record id>`, so a body that raises and receives priorities appears in both columns. */
	id: z.string(),
	type: z.enum(TRACE_NODE_TYPES),
	label: z.string(),
	/**
	 * For an indicator node: where it stands, and how it moved since each decision in the trace whose
	 * actions serve its outcome (earliest decision first; none when only priorities are tagged with it).
	 */
	indicator: TraceIndicator.extend({ since: z.array(IndicatorSince) }).optional()
});
export const TraceLink = z.object({
	source: z.string(),
	target: z.string(),
	type: z.enum(TRACE_LINK_TYPES),
	/**
	 * For `decided`: the influence the forum was promised when its priority was accepted (or, on records made
	 * before the promise moved to the acceptance, as declared with the decision) and the influence it had.
	 */
	influenceDeclared: influence.nullable().optional(),
	influenceAchieved: influence.nullable().optional(),
	/** How the influence achieved compares with the promise; null until both are known. */
	influenceGap: influenceGap.nullable().optional()
});
/** A priority whose hear-back-by day has passed with no decision, decline or published response since. */
export const TraceOverdue = z.object({
	id: z.string(),
	title: z.string(),
	forum: z.object({ id: z.string(), name: z.string() }),
	promised: influence.nullable(),
	hearBackBy: z.iso.date()
});
export type TraceOverdue = z.infer<typeof TraceOverdue>;
export const TraceGraph = z.object({
	nodes: z.array(TraceNode),
	links: z.array(TraceLink),
	/** Priorities in the trace whose hear-back-by day has passed unanswered, longest overdue first. */
	overdue: z.array(TraceOverdue)
});
export type TraceNode = z.infer<typeof TraceNode>;
export type TraceLink = z.infer<typeof TraceLink>;
export type TraceGraph = z.infer<typeof TraceGraph>;

/** One row per priority: the table view of the flow, and its CSV. */
export const TraceRow = z.object({
	id: z.string(),
	title: z.string(),
	theme: z.string(),
	forum: z.object({ id: z.string(), name: z.string() }),
	status: priorityStatus,
	/** The body holding it now. */
	heldBy: z.object({ id: z.string(), name: z.string() }),
	raisedAt: z.iso.datetime().nullable(),
	lastEventAt: z.iso.datetime(),
	/** When the forum accepted the published response (in the period), unless it contested it since. */
	responseAcceptedAt: z.iso.datetime().nullable(),
	decisions: z.array(
		z.object({
			id: z.string(),
			label: z.string(),
			/** The influence promised (see TraceLink) and achieved, and the difference in words. */
			influenceDeclared: influence.nullable(),
			influenceAchieved: influence.nullable(),
			influenceGap: influenceGap.nullable(),
			influenceWords: z.string()
		})
	),
	/** The latest acceptance's promise, its hear-back-by day, and whether that day passed unanswered. */
	promise: z.object({
		promised: influence.nullable(),
		hearBackBy: z.iso.date().nullable(),
		overdue: z.boolean()
	}),
	actions: z.array(z.object({ id: z.string(), text: z.string(), status: z.string() })),
	outcomes: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
	/**
	 * The indicators of those outcomes, each with its movement since the earliest of the row's decisions
	 * whose actions serve its outcome (null when only the priority is tagged with the outcome).
	 */
	indicators: z.array(TraceIndicator.extend({ id: z.string(), since: IndicatorSince.nullable() }))
});
export type TraceRow = z.infer<typeof TraceRow>;

export interface TraceData extends TraceGraph {
	rows: TraceRow[];
}

export const startOf = (date: string) => new Date(`${date}T00:00:00Z`);
export const endOf = (date: string) => new Date(startOf(date).getTime() + DAY_MS);
export const short = (text: string, max = 80) => {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
