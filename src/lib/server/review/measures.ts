// A meeting's review: the measures computed from its record (record-reads.ts), the coders' DQI summary
// and agreement (coding.ts), the members' survey (survey.ts) and the reviewers' notes, under the rules of
// access.ts; and its measures as CSV.
import type { Actor } from '../access/index.ts';
import { db } from '../platform/index.ts';
import { reviewContext, type ReviewContext } from './access.ts';
import { mergedSections, smallGroupsNote } from '../../review/small-groups.ts';
import { codingSections } from './coding.ts';
import { publicationHistory } from './publication.ts';
import { recordReader } from './readers.ts';
import { surveyResults } from './survey.ts';
import { parse } from '../platform/index.ts';
import { reviewCsv, MeasuresCsvQuery } from '../../review/csv.ts';
import type { MeetingReviewView } from '../../review/views.ts';
import type { CsvFile } from '../decisions/index.ts';

import { recordMeasures } from './record-reads.ts';

async function personName(id: string): Promise<string> {
	const user = await db().user.findUnique({ where: { id }, select: { name: true } });
	if (user) return user.name;
	const membership = await db().membership.findUnique({
		where: { id },
		select: { user: { select: { name: true } } }
	});
	return membership?.user.name ?? '';
}

/**
 * The review of a closed meeting as the actor may see it (review/access.ts). Once published, the reader's
 * first read is recorded, so they are told if it is reopened (review/readers.ts).
 */
export async function meetingReview(actor: Actor, meetingId: string): Promise<MeetingReviewView> {
	const ctx = await reviewContext(actor, meetingId);
	if (ctx.published) await recordReader(meetingId, actor.userId);
	const meeting = await db().meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: {
			id: true,
			title: true,
			bodyId: true,
			startsAt: true,
			status: true,
			agendaIssuedAt: true,
			closedAt: true,
			body: { select: { name: true } }
		}
	});
	const showNotes = ctx.canManage || ctx.published !== null;
	const [measures, coding, survey, notes, publisher, history] = await Promise.all([
		recordMeasures([meeting]),
		codingSections(ctx),
		surveyResults(meetingId),
		showNotes
			? db().reviewNote.findMany({
					where: { meetingId },
					orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
				})
			: [],
		ctx.published ? personName(ctx.published.byId) : '',
		publicationHistory(
			ctx.published && { publishedAt: ctx.published.at, publishedById: ctx.published.byId },
			ctx.steps
		)
	]);
	const authors = await db().membership.findMany({
		where: { id: { in: notes.map((n) => n.authorMembershipId) } },
		select: { id: true, user: { select: { name: true } } }
	});
	const authorName = new Map(authors.map((a) => [a.id, a.user.name]));
	const view: Omit<MeetingReviewView, 'smallGroups'> = {
		meeting: {
			id: meeting.id,
			title: meeting.title,
			bodyId: meeting.bodyId,
			body: meeting.body.name,
			startsAt: meeting.startsAt.toISOString(),
			status: meeting.status
		},
		published: ctx.published ? { at: ctx.published.at.toISOString(), by: publisher } : null,
		reopened: ctx.reopened,
		history,
		...measures.get(meetingId)!,
		dqi: coding.dqi,
		agreement: coding.agreement,
		survey,
		notes: notes.map((n) => ({
			author: authorName.get(n.authorMembershipId) ?? '',
			text: n.text,
			createdAt: n.createdAt.toISOString()
		}))
	};
	return figuresFor(ctx, view);
}

/**
 * The figures by organisation and sector as this reader may have them: reviewers and officers, who do the
 * analysis, the full figures with a note that members see them merged; members and observers with every
 * group of fewer than 3 people merged into Other (review/small-groups.ts).
 */
function figuresFor(
	ctx: ReviewContext,
	review: Omit<MeetingReviewView, 'smallGroups'>
): MeetingReviewView {
	const merged = mergedSections(review);
	return ctx.canManage
		? { ...review, smallGroups: smallGroupsNote('full', merged.merged) }
		: { ...merged.view, smallGroups: smallGroupsNote('merged', merged.merged) };
}

/** The review's figures as CSV, all sections or one (`section`). */
export async function reviewMeasuresCsv(
	actor: Actor,
	meetingId: string,
	query: unknown
): Promise<CsvFile> {
	const { section } = parse(MeasuresCsvQuery, query);
	return reviewCsv(await meetingReview(actor, meetingId), section);
}
