// The trace's reads, all at once: the priorities in view, their events as arrays (grouped by priority, in
// time order), each priority's promise, the partnership's bodies, the records the priorities link to and the
// indicators at the end of the flow. Plain SQL where ten thousand rows must come back fast; trace.ts builds
// the flow and its table from what this gives.
import { Prisma } from '../../../generated/prisma/client.ts';
import { bulkRead, bulkRows } from '../platform/index.ts';
import type { InfluenceLevel, PriorityEventType, PriorityStatus } from '../../vocabulary.ts';
import { applyToPromise, noPromise, type InfluencePromise } from '../../influence.ts';
import { indicatorsByOutcome } from './trace-indicators.ts';
import { linkedRecords } from './trace-linked.ts';

/**
 * A time as milliseconds since 1970 (a float8, which the driver reads as a number): turning ten thousand
 * timestamps into Dates in the driver cost a tenth of the whole trace.
 */
const EPOCH_MS = (column: string) => Prisma.raw(`(extract(epoch FROM ${column}) * 1000)::float8`);

/**
 * A priority's event as the trace reads it: the record it names (`ref`: the body it went to or that
 * accepted or declined it, the agenda item, the decision) and, for RAISED and RESPONSE_ACCEPTED when the
 * table is wanted, its time.
 */
export type Event = [
	priorityId: string,
	type: PriorityEventType,
	ref: string | null,
	influenceDeclared: InfluenceLevel | null,
	influenceAchieved: InfluenceLevel | null,
	at: number | null,
	hearBackBy: string | null
];
// Array destructuring walks an iterator; plain indexes do not.
export const [PRIORITY, TYPE, REF, DECLARED, ACHIEVED, AT, HEAR] = [0, 1, 2, 3, 4, 5, 6] as const;
/** For ACCEPTED: the day the forum will hear back by, as YYYY-MM-DD (null for every other event). */
const HEAR_BACK_BY = Prisma.sql`CASE WHEN e.type = 'ACCEPTED' THEN to_char(e."hearBackBy", 'YYYY-MM-DD') END`;

/**
 * Each priority's promise, replayed from its events (grouped by priority, in time order) by the same rule
 * as the priority page and the public page. Only acceptances, decisions and declines are read: by the
 * priority's state machine (flow.ts) a response or closing can only follow a decision or a decline.
 */
function promisesOf(events: Event[]): Map<string, InfluencePromise> {
	const promises = new Map<string, InfluencePromise>();
	for (const e of events) {
		const type = e[TYPE];
		if (type !== 'ACCEPTED' && type !== 'DECIDED' && type !== 'DECLINED') continue;
		let p = promises.get(e[PRIORITY]);
		if (!p) promises.set(e[PRIORITY], (p = noPromise()));
		applyToPromise(p, type, e[DECLARED], e[ACHIEVED], e[HEAR]);
	}
	return promises;
}

/** What the trace is narrowed to: a forum, a theme, a period (events at or after `gte`, before `lt`). */
export interface TraceScope {
	forum?: string;
	theme?: string;
	at?: { gte?: Date; lt?: Date };
}

/**
 * Everything the trace of a partnership needs, read at once. The columns only the table shows are read only
 * when it is wanted.
 */
export async function readTrace(
	partnership: { id: string; slug: string },
	scope: TraceScope,
	want: { rows: boolean }
) {
	const partnershipId = partnership.id;
	const { at, ...q } = scope;
	// Which events the views replay. With a period every type counts (a priority is in the trace when any
	// of its events falls in it); without one, the types that make no link and no column stay in the
	// database (ACTION, FEEDBACK_PUBLISHED, CLOSED and the rest: a quarter of a large partnership's events).
	const types: PriorityEventType[] | null = at
		? null
		: [
				// The table shows when it was raised, and whether the forum accepted the response (its
				// acceptance, unless a later contest followed it).
				...(want.rows ? (['RAISED', 'RESPONSE_ACCEPTED', 'MATTER_ARISING'] as const) : []),
				...([
					'SUBMITTED',
					'PASSED_ON',
					'PASSED_SIDEWAYS',
					'REFERRED_DOWN',
					'ACCEPTED',
					'DECLINED',
					'SCHEDULED',
					'DECIDED'
				] as const)
			];
	// The linked records depend only on the partnership: read at the same time as the priorities, so the
	// database works on them while this process reads the events.
	const [priorities, rawEvents, bodies, promiseEvents, linked, indicatorsOf] = await Promise.all([
		// The columns only the table shows are read only when it is wanted.
		bulkRead<
			({
				id: string;
				title: string;
				raisedByBodyId: string;
				leadOrganisationId: string | null;
				outcomeIds: string | null;
			} & Partial<{
				theme: string;
				status: PriorityStatus;
				currentBodyId: string;
				lastEventAt: number;
			}>)[]
		>`
			SELECT p.id, p.title, p."raisedByBodyId", p."leadOrganisationId",
				${want.rows ? Prisma.sql`p.theme, p.status, p."currentBodyId", ${EPOCH_MS('p."lastEventAt"')} AS "lastEventAt",` : Prisma.empty}
				(SELECT string_agg(po."outcomeId", ' ') FROM "PriorityOutcome" po WHERE po."priorityId" = p.id)
					AS "outcomeIds"
			FROM "Priority" p
			WHERE p."partnershipId" = ${partnershipId}
				${q.forum ? Prisma.sql`AND p."raisedByBodyId" = ${q.forum}` : Prisma.empty}
				${q.theme ? Prisma.sql`AND p.theme = ${q.theme}` : Prisma.empty}
			ORDER BY p."lastEventAt" DESC, p.id`,
		// Raw, each row an array, one `ref` column for the record each type of event names, and a priority's
		// events together in time order: ten thousand rows come back several times faster than through the
		// query engine's mapping of every column. The time is read only where the table shows it (RAISED).
		bulkRows<Event[]>`
			SELECT e."priorityId", e.type,
				CASE e.type
					WHEN 'SUBMITTED' THEN e."toBodyId" WHEN 'PASSED_ON' THEN e."toBodyId"
					WHEN 'PASSED_SIDEWAYS' THEN e."toBodyId" WHEN 'REFERRED_DOWN' THEN e."toBodyId"
					WHEN 'ACCEPTED' THEN e."byBodyId" WHEN 'DECLINED' THEN e."byBodyId"
					WHEN 'SCHEDULED' THEN e."agendaItemId" WHEN 'DECIDED' THEN e."decisionId"
				END AS ref,
				e."influenceDeclared", e."influenceAchieved",
				${want.rows ? Prisma.sql`CASE WHEN e.type IN ('RAISED', 'RESPONSE_ACCEPTED') THEN ${EPOCH_MS('e.at')} END` : Prisma.sql`NULL`},
				${HEAR_BACK_BY}
			FROM "PriorityEvent" e JOIN "Priority" p ON p.id = e."priorityId"
			WHERE p."partnershipId" = ${partnershipId}
				${q.forum ? Prisma.sql`AND p."raisedByBodyId" = ${q.forum}` : Prisma.empty}
				${q.theme ? Prisma.sql`AND p.theme = ${q.theme}` : Prisma.empty}
				${types ? Prisma.sql`AND e.type IN (${Prisma.join(types)})` : Prisma.empty}
				${at?.gte ? Prisma.sql`AND e.at >= ${at.gte}` : Prisma.empty}
				${at?.lt ? Prisma.sql`AND e.at < ${at.lt}` : Prisma.empty}
			ORDER BY e."priorityId", e.at, e.id`,
		bulkRead<{ id: string; name: string }[]>`
			SELECT b.id, b.name FROM "Body" b WHERE b."partnershipId" = ${partnershipId}`,
		// With a period, the acceptance that made a priority's promise may fall before it: the events that make
		// and answer promises are read whole. Without one, the events above hold them all already.
		at
			? bulkRows<Event[]>`
				SELECT e."priorityId", e.type, NULL, e."influenceDeclared", NULL, NULL, ${HEAR_BACK_BY}
				FROM "PriorityEvent" e JOIN "Priority" p ON p.id = e."priorityId"
				WHERE p."partnershipId" = ${partnershipId}
					${q.forum ? Prisma.sql`AND p."raisedByBodyId" = ${q.forum}` : Prisma.empty}
					${q.theme ? Prisma.sql`AND p.theme = ${q.theme}` : Prisma.empty}
					AND e.type IN ('ACCEPTED', 'DECIDED', 'DECLINED')
				ORDER BY e."priorityId", e.at, e.id`
			: null,
		linkedRecords(partnershipId),
		indicatorsByOutcome(partnershipId, partnership.slug)
	]);
	// Each priority's events, in time order, in the period if there is one.
	const eventsOf = new Map<string, Event[]>();
	let last: Event[] = [];
	for (const event of rawEvents) {
		if (last[0]?.[PRIORITY] === event[PRIORITY]) last.push(event);
		else eventsOf.set(event[PRIORITY], (last = [event]));
	}
	return {
		priorities,
		eventsOf,
		promises: promisesOf(promiseEvents ?? rawEvents),
		bodies,
		linked,
		indicatorsOf
	};
}
