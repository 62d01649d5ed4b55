// The shapes of the trace: what a trace query may ask, the flow graph's nodes and links, one row per
// priority, and the small date and text helpers the trace's reads share.
import { z } from 'zod';
import { now } from '../platform/index.ts';
import { isoDate, reference, searchText } from '../platform/index.ts';
import {
	INFLUENCE_LEVELS,
	PRIORITY_EVENT_TYPES,
	PRIORITY_STATUSES,
	type InfluenceLevel,
	type PriorityEventType,
	type PriorityStatus
} from '../../vocabulary.ts';

export const DATE_MESSAGE = 'Enter a date, for example 2026-07-01';
export const DAY_MS = 86_400_000;

export const influence = z.enum(Object.keys(INFLUENCE_LEVELS) as [InfluenceLevel]);
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
	'outcome'
] as const;
export const TRACE_LINK_TYPES = [
	'raised',
	'submitted',
	'passed_on',
	'accepted',
	'declined',
	'scheduled',
	'decided_on',
	'decided',
	'action',
	'outcome'
] as const;

export const TraceNode = z.object({
	/** `<type>:<record id>`, so a body that raises and receives priorities appears in both columns. */
	id: z.string(),
	type: z.enum(TRACE_NODE_TYPES),
	label: z.string()
});
export const TraceLink = z.object({
	source: z.string(),
	target: z.string(),
	type: z.enum(TRACE_LINK_TYPES),
	/** For `decided`: the influence the forum had, declared and achieved. */
	influenceDeclared: influence.nullable().optional(),
	influenceAchieved: influence.nullable().optional()
});
export const TraceGraph = z.object({ nodes: z.array(TraceNode), links: z.array(TraceLink) });
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
	decisions: z.array(
		z.object({
			id: z.string(),
			label: z.string(),
			influenceDeclared: influence.nullable(),
			influenceAchieved: influence.nullable()
		})
	),
	actions: z.array(z.object({ id: z.string(), text: z.string(), status: z.string() })),
	outcomes: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() }))
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
