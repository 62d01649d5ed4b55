// Measures of the flow: priorities waiting on someone, decisions no priority fed into, time from raised
// to decided, and the priorities behind a decision. Reads only.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { now } from '../platform/index.ts';
import { db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { meetingContext, partnershipContext } from '../access/index.ts';
import { isoDate, parse, wholeNumber } from '../platform/index.ts';
import { type PriorityStatus } from '../../vocabulary.ts';

import { DATE_MESSAGE, DAY_MS, endOf, influence, priorityStatus, startOf } from './trace-shapes.ts';

/**
 * Priorities waiting on someone: RAISED, SUBMITTED, ACCEPTED, SCHEDULED and DECIDED (the response is not
 * yet published). Not stalled: CLOSED, FEEDBACK_PUBLISHED (the forum has heard back) and DECLINED (the
 * reason went back to the forum, which decides whether to resubmit or close).
 */
export const STALLED_STATUSES = [
	'RAISED',
	'SUBMITTED',
	'ACCEPTED',
	'SCHEDULED',
	'DECIDED'
] as const satisfies readonly PriorityStatus[];

export const StalledQuery = z.object({
	days: wholeNumber('days', 1, 3650)
		.transform((v) => v ?? 60)
		.optional()
});

export const StalledPriority = z.object({
	id: z.string(),
	title: z.string(),
	status: priorityStatus,
	forum: z.object({ id: z.string(), name: z.string() }),
	heldBy: z.object({ id: z.string(), name: z.string() }),
	lastEventAt: z.iso.datetime(),
	/** Whole days since the last event. */
	daysSince: z.number()
});
export type StalledPriority = z.infer<typeof StalledPriority>;

/** Open priorities with no event for `days` days (60 unless asked), longest waiting first. */
export async function stalledPriorities(
	actor: Actor,
	slug: string,
	query: unknown = {}
): Promise<StalledPriority[]> {
	const ctx = await partnershipContext(actor, slug);
	const days = parse(StalledQuery, query).days ?? 60;
	const today = now();
	const rows = await db().priority.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			status: { in: [...STALLED_STATUSES] },
			lastEventAt: { lt: new Date(today.getTime() - days * DAY_MS) }
		},
		select: {
			id: true,
			title: true,
			status: true,
			lastEventAt: true,
			raisedByBodyId: true,
			currentBodyId: true
		},
		orderBy: [{ lastEventAt: 'asc' }, { id: 'asc' }]
	});
	const names = await bodyNames(ctx.partnership.id);
	return rows.map((p) => ({
		id: p.id,
		title: p.title,
		status: p.status,
		forum: { id: p.raisedByBodyId, name: names.get(p.raisedByBodyId) ?? '' },
		heldBy: { id: p.currentBodyId, name: names.get(p.currentBodyId) ?? '' },
		lastEventAt: p.lastEventAt.toISOString(),
		daysSince: Math.floor((today.getTime() - p.lastEventAt.getTime()) / DAY_MS)
	}));
}

async function bodyNames(partnershipId: string) {
	const bodies = await db().body.findMany({
		where: { partnershipId },
		select: { id: true, name: true }
	});
	return new Map(bodies.map((b) => [b.id, b.name]));
}

export const PeriodQuery = z.object({
	from: isoDate(DATE_MESSAGE).optional(),
	to: isoDate(DATE_MESSAGE).optional()
});

export const UninformedDecision = z.object({
	id: z.string(),
	meetingId: z.string(),
	meetingTitle: z.string(),
	body: z.object({ id: z.string(), name: z.string() }),
	itemTitle: z.string(),
	decidedAt: z.iso.datetime(),
	wording: z.string()
});
export type UninformedDecision = z.infer<typeof UninformedDecision>;

/**
 * Decisions (first recorded in the period, newest first) that no priority is linked to by a DECIDED
 * event: taken without community input the record can show.
 */
export async function decisionsWithoutCommunityInput(
	actor: Actor,
	slug: string,
	query: unknown = {}
): Promise<UninformedDecision[]> {
	const ctx = await partnershipContext(actor, slug);
	const q = parse(PeriodQuery, query);
	const partnershipId = ctx.partnership.id;
	const from = q.from ? startOf(q.from).getTime() : -Infinity;
	const to = q.to ? endOf(q.to).getTime() : Infinity;
	const rows = await db().$queryRaw<
		{
			id: string;
			bodyId: string;
			bodyName: string;
			meetingId: string;
			meetingTitle: string;
			itemTitle: string;
			createdAt: Date | string;
			wording: string | null;
		}[]
	>`
		SELECT d.id, d."bodyId", b.name AS "bodyName", d."meetingId", m.title AS "meetingTitle",
			i.title AS "itemTitle", d."createdAt",
			(SELECT v.wording FROM "DecisionVersion" v WHERE v."decisionId" = d.id
			 ORDER BY v.version DESC LIMIT 1) AS wording
		FROM "Decision" d
		JOIN "Meeting" m ON m.id = d."meetingId"
		JOIN "Body" b ON b.id = d."bodyId"
		JOIN "AgendaItem" i ON i.id = d."agendaItemId"
		WHERE d."partnershipId" = ${partnershipId}
			AND NOT EXISTS (SELECT 1 FROM "PriorityEvent" e WHERE e."decisionId" = d.id AND e.type = 'DECIDED')`;
	return rows
		.map((d) => ({ ...d, createdAt: new Date(d.createdAt) }))
		.filter((d) => d.createdAt.getTime() >= from && d.createdAt.getTime() < to)
		.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
		.map((d) => ({
			id: d.id,
			meetingId: d.meetingId,
			meetingTitle: d.meetingTitle,
			body: { id: d.bodyId, name: d.bodyName },
			itemTitle: d.itemTitle,
			decidedAt: d.createdAt.toISOString(),
			wording: d.wording ?? ''
		}));
}

export const TimeToDecision = z.object({
	priorities: z.array(
		z.object({
			id: z.string(),
			title: z.string(),
			forum: z.object({ id: z.string(), name: z.string() }),
			raisedAt: z.iso.datetime(),
			decidedAt: z.iso.datetime(),
			/** Whole days from the RAISED event to the first DECIDED event. */
			days: z.number()
		})
	),
	/** Null when no priority has been decided. */
	medianDays: z.number().nullable(),
	minDays: z.number().nullable(),
	maxDays: z.number().nullable()
});
export type TimeToDecision = z.infer<typeof TimeToDecision>;

/** For each decided priority, days from raised to (first) decided; the median and range. */
export async function timeToDecision(actor: Actor, slug: string): Promise<TimeToDecision> {
	const ctx = await partnershipContext(actor, slug);
	const partnershipId = ctx.partnership.id;
	const [events, names] = await Promise.all([
		db().priorityEvent.findMany({
			where: { type: { in: ['RAISED', 'DECIDED'] }, priority: { partnershipId } },
			select: {
				priorityId: true,
				type: true,
				at: true,
				priority: { select: { title: true, raisedByBodyId: true } }
			},
			orderBy: [{ at: 'asc' }, { id: 'asc' }]
		}),
		bodyNames(partnershipId)
	]);
	const seen = new Map<string, { raised?: Date; decided?: Date; title: string; forumId: string }>();
	for (const e of events) {
		const entry = seen.get(e.priorityId) ?? {
			title: e.priority.title,
			forumId: e.priority.raisedByBodyId
		};
		if (e.type === 'RAISED') entry.raised ??= e.at;
		else entry.decided ??= e.at;
		seen.set(e.priorityId, entry);
	}
	const priorities = [...seen]
		.filter(([, e]) => e.raised && e.decided)
		.map(([id, e]) => ({
			id,
			title: e.title,
			forum: { id: e.forumId, name: names.get(e.forumId) ?? '' },
			raisedAt: e.raised!.toISOString(),
			decidedAt: e.decided!.toISOString(),
			days: Math.floor((e.decided!.getTime() - e.raised!.getTime()) / DAY_MS)
		}))
		.sort((a, b) => a.days - b.days || a.title.localeCompare(b.title));
	const days = priorities.map((p) => p.days);
	return {
		priorities,
		medianDays: median(days),
		minDays: days.length ? days[0] : null,
		maxDays: days.length ? days[days.length - 1] : null
	};
}

function median(sorted: number[]): number | null {
	if (!sorted.length) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const PriorityBehindDecision = z.object({
	id: z.string(),
	title: z.string(),
	forum: z.object({ id: z.string(), name: z.string() }),
	status: priorityStatus,
	influenceDeclared: influence.nullable(),
	influenceAchieved: influence.nullable(),
	linkedAt: z.iso.datetime()
});
export type PriorityBehindDecision = z.infer<typeof PriorityBehindDecision>;

/** The priorities a decision answered (by their DECIDED events), with the influence they had. */
export async function prioritiesBehindDecision(
	actor: Actor,
	decisionId: string
): Promise<PriorityBehindDecision[]> {
	const decision = await db().decision.findUnique({
		where: { id: decisionId },
		select: { meetingId: true, partnershipId: true }
	});
	if (!decision) throw new NotFound('decision');
	await meetingContext(actor, decision.meetingId).catch(() => {
		throw new NotFound('decision');
	});
	const [events, names] = await Promise.all([
		db().priorityEvent.findMany({
			where: { decisionId, type: 'DECIDED' },
			select: {
				at: true,
				influenceDeclared: true,
				influenceAchieved: true,
				priority: { select: { id: true, title: true, status: true, raisedByBodyId: true } }
			},
			orderBy: [{ at: 'asc' }, { id: 'asc' }]
		}),
		bodyNames(decision.partnershipId)
	]);
	return events.map((e) => ({
		id: e.priority.id,
		title: e.priority.title,
		forum: { id: e.priority.raisedByBodyId, name: names.get(e.priority.raisedByBodyId) ?? '' },
		status: e.priority.status,
		influenceDeclared: e.influenceDeclared,
		influenceAchieved: e.influenceAchieved,
		linkedAt: e.at.toISOString()
	}));
}
