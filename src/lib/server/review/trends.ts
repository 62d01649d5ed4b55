// The review's measures over time: a body's closed meetings in date order (trends), and a partnership's
// summary over a period, per body and in total, for a CPP's annual outcome report.
// Who sees which meetings, kept simple and the same as a meeting's review (review/access.ts): reviewers and
// officers see every closed meeting's figures from the record; members and observers only meetings whose
// review is published. DQI means come only from published reviews (codes are private until then), survey
// means only where enough members answered (review/survey.ts decides, as on the review).
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { db } from '../platform/index.ts';
import { Invalid } from '../platform/index.ts';
import { mayManageReview, partnershipContext, type PartnershipContext } from '../access/index.ts';
import { bodyContext } from '../access/index.ts';
import { REVIEWABLE, type ReviewContext } from './access.ts';
import { codingSections } from './coding.ts';
import { recordMeasures } from './record-reads.ts';
import { surveyResults } from './survey.ts';
import { isoDate, parse } from '../platform/index.ts';
import { DQI } from '../../review/dqi.ts';
import { periodTotals, trendFigures } from '../../review/record-measures.ts';
import {
	mergedParticipation,
	mergedTrendFigures,
	smallGroupsNote
} from '../../review/small-groups.ts';
import type { ReviewSummaryView, ReviewTrendsView, TrendPoint } from '../../review/views.ts';
import { BODY_KINDS } from '../../vocabulary.ts';

const DATE_MESSAGE = 'Enter a date as YYYY-MM-DD';
const DAY_MS = 86_400_000;

export const ReviewSummaryQuery = z.object({
	from: isoDate(DATE_MESSAGE).optional(),
	to: isoDate(DATE_MESSAGE).optional()
});

/** Reviewers and officers see every closed meeting; members and observers published reviews only. */
function seesUnpublished(ctx: PartnershipContext): boolean {
	return mayManageReview(ctx);
}

const ORDINAL = DQI.filter((c) => c.scale === 'ordinal').map((c) => c.key);

type MeetingRow = {
	id: string;
	bodyId: string;
	title: string;
	status: string;
	startsAt: Date;
	agendaIssuedAt: Date | null;
	closedAt: Date | null;
};

/**
 * Whose figures by sector (the community and third-sector shares) are merged where fewer than 3 people took
 * part: members' and observers', and anything published (the annual report), but not reviewers' and
 * officers', who do the analysis (review/small-groups.ts).
 */
function mergesSmallGroups(ctx: PartnershipContext, forPublication: boolean): boolean {
	return forPublication || !mayManageReview(ctx);
}

/** The trend points of meetings (closed, in the order given), as `ctx`'s actor may see them. */
async function trendPoints(
	ctx: PartnershipContext,
	meetings: MeetingRow[],
	merge: boolean
): Promise<{ points: z.infer<typeof TrendPoint>[]; merged: boolean }> {
	const publications = await db().reviewPublication.findMany({
		where: { meetingId: { in: meetings.map((m) => m.id) } }
	});
	const publishedOf = new Map(publications.map((p) => [p.meetingId, p]));
	const visible = seesUnpublished(ctx) ? meetings : meetings.filter((m) => publishedOf.has(m.id));
	const measures = await recordMeasures(visible);
	// Whether any meeting has a sector merged for members (the community and third-sector shares).
	const merged = [...measures.values()].some((m) => mergedParticipation(m.participation).merged);
	const points = await Promise.all(
		visible.map(async (meeting) => {
			const publication = publishedOf.get(meeting.id);
			const [dqiMeans, surveyMeans] = await Promise.all([
				publication ? publishedDqiMeans(ctx, meeting, publication) : {},
				surveyResults(meeting.id).then((s) =>
					s.shown ? Object.fromEntries(s.statements.map((st) => [st.key, st.mean])) : {}
				)
			]);
			return {
				meetingId: meeting.id,
				title: meeting.title,
				startsAt: meeting.startsAt.toISOString(),
				published: publication !== undefined,
				...(merge ? mergedTrendFigures : trendFigures)(measures.get(meeting.id)!),
				dqiMeans,
				surveyMeans
			};
		})
	);
	return { points, merged };
}

/** The means of the ordinal DQI categories over every coder's codes of a published review. */
async function publishedDqiMeans(
	ctx: PartnershipContext,
	meeting: MeetingRow,
	publication: { publishedAt: Date; publishedById: string }
): Promise<Record<string, number | null>> {
	const role = ctx.membership.role;
	const reviewCtx: ReviewContext = {
		...ctx,
		meeting: {
			id: meeting.id,
			bodyId: meeting.bodyId,
			// Reading codes needs no seat: the host body is enough here.
			bodyIds: [meeting.bodyId],
			status: meeting.status,
			agendaIssuedAt: meeting.agendaIssuedAt
		},
		access: 'read',
		published: { at: publication.publishedAt, byId: publication.publishedById },
		// The coding sections do not depend on whether the review is reopened.
		reopened: false,
		steps: [],
		canCode: role === 'REVIEWER',
		canManage: seesUnpublished(ctx),
		// Only the aggregate means are read here; the codes behind them stay with the coding team.
		codeScope: seesUnpublished(ctx) ? 'all' : 'none',
		measureScope: 'all',
		canReadPseudonymKey: false
	};
	const { dqi } = await codingSections(reviewCtx);
	const mean = new Map(dqi.categories.map((c) => [c.category as string, c.mean]));
	return Object.fromEntries(ORDINAL.map((key) => [key, mean.get(key) ?? null]));
}

const meetingSelect = {
	id: true,
	bodyId: true,
	title: true,
	status: true,
	startsAt: true,
	agendaIssuedAt: true,
	closedAt: true
} as const;

/** A body's closed meetings in date order with their headline figures. */
export async function reviewTrends(actor: Actor, bodyId: string): Promise<ReviewTrendsView> {
	const { ctx, body } = await bodyContext(actor, bodyId);
	const meetings = await db().meeting.findMany({
		where: { bodyId, status: { in: [...REVIEWABLE] } },
		select: meetingSelect,
		orderBy: [{ startsAt: 'asc' }, { id: 'asc' }]
	});
	const merge = mergesSmallGroups(ctx, false);
	const { points, merged } = await trendPoints(ctx, meetings, merge);
	return {
		body: { id: body.id, name: body.name, kind: body.kind },
		smallGroups: smallGroupsNote(merge ? 'merged' : 'full', merged),
		meetings: points
	};
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The period asked for, by default the twelve months up to today (UTC days, both ends included). */
function periodOf(query: unknown): { from: string; to: string } {
	const q = parse(ReviewSummaryQuery, query);
	const to = q.to ?? isoDay(new Date());
	let from = q.from;
	if (!from) {
		const start = new Date(`${to}T00:00:00Z`);
		start.setUTCFullYear(start.getUTCFullYear() - 1);
		from = isoDay(new Date(start.getTime() + DAY_MS));
	}
	if (from > to)
		throw new Invalid({ from: 'The start of the period must be on or before its end' });
	return { from, to };
}

const kindOrder = (kind: string) => Object.keys(BODY_KINDS).indexOf(kind);

/**
 * A partnership's reviews over a period (meetings starting within it): per body, the meetings reviewed and
 * the averages of their trend figures; and the partnership's totals, averaged over all those meetings.
 * `forPublication` (the annual report): figures by sector merged for small groups whoever reads it.
 */
export async function reviewSummary(
	actor: Actor,
	slug: string,
	query: unknown,
	{ forPublication = false }: { forPublication?: boolean } = {}
): Promise<ReviewSummaryView> {
	const ctx = await partnershipContext(actor, slug);
	const { from, to } = periodOf(query);
	const meetings = await db().meeting.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			status: { in: [...REVIEWABLE] },
			startsAt: {
				gte: new Date(`${from}T00:00:00Z`),
				lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS)
			}
		},
		select: meetingSelect,
		orderBy: [{ startsAt: 'asc' }, { id: 'asc' }]
	});
	const merge = mergesSmallGroups(ctx, forPublication);
	const { points, merged } = await trendPoints(ctx, meetings, merge);
	const bodyOf = new Map(meetings.map((m) => [m.id, m.bodyId]));
	const byBody = new Map<string, typeof points>();
	for (const point of points) {
		const bodyId = bodyOf.get(point.meetingId)!;
		byBody.set(bodyId, [...(byBody.get(bodyId) ?? []), point]);
	}
	const bodies = await db().body.findMany({
		where: { id: { in: [...byBody.keys()] } },
		select: { id: true, name: true, kind: true }
	});
	bodies.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name));
	return {
		partnership: { slug: ctx.partnership.slug, name: ctx.partnership.name },
		from,
		to,
		smallGroups: smallGroupsNote(merge ? 'merged' : 'full', merged),
		bodies: bodies.map((body) => ({ body, ...periodTotals(byBody.get(body.id)!) })),
		totals: { bodies: bodies.length, ...periodTotals(points) }
	};
}
