// Reviewing a risk: at a meeting with a risk review item (or between meetings), officers or the owner
// partner's members record its new scores, the controls as revised, a note and the next review's date.
// Reviews are append-only (a database trigger): the latest is current, the rest is the history. A meeting's
// risk review paper lists the risks due for review by the meeting's day.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { demand, mayActForPartner, meetingContext } from '../access/index.ts';
import {
	Flag,
	Invalid,
	audit,
	db,
	isoDate,
	now,
	optionalId,
	optionalText,
	parse,
	requiredText,
	transaction
} from '../platform/index.ts';
import { dayInUk, formatDay } from '../../dates.ts';
import { riskBand, riskScore } from '../../risk-bands.ts';
import { riskScale } from './risks.ts';
import {
	atDay,
	isDue,
	riskContext,
	riskViews,
	type RiskReviewView,
	type RiskView
} from './risk-views.ts';

export const RecordRiskReviewInput = z.object({
	/** The meeting it is recorded at or for: one with a risk review item, held by today. */
	meetingId: optionalId('Choose a meeting of this partnership with a risk review item'),
	likelihood: riskScale('likelihood'),
	impact: riskScale('impact'),
	controls: requiredText('the controls in place', 4000, { multiline: true }),
	note: optionalText('the note', 4000),
	/** Required while the risk stays open. */
	nextReviewOn: isoDate(
		'Enter the next review’s date as a real date, for example 2027-03-31'
	).nullish(),
	/** Closes the risk: it leaves the heat map and is no longer due for review. */
	closed: Flag.optional()
});

export const RiskReviewPaper = z.object({
	meetingDay: z.iso.date(),
	risks: z.array(
		z.object({
			id: z.string(),
			title: z.string(),
			ownerOrganisationName: z.string(),
			/** The scores before the meeting: its latest review recorded before the meeting began. */
			before: z.object({
				likelihood: z.number(),
				impact: z.number(),
				score: z.number(),
				band: z.string(),
				reviewedOn: z.iso.date(),
				nextReviewOn: z.iso.date().nullable()
			}),
			/** The review recorded at or for this meeting, once there is one. */
			atThisMeeting: z
				.object({ likelihood: z.number(), impact: z.number(), score: z.number(), band: z.string() })
				.nullable()
		})
	)
});
export type RiskReviewPaper = z.infer<typeof RiskReviewPaper>;

const NO_RIGHT = 'Only the partner that owns this risk, and the secretariat, record its reviews.';

/** Who records a risk's reviews: officers, and members of the partner that owns it. */
export async function mayReviewRisk(actor: Actor, risk: RiskView): Promise<boolean> {
	const { ctx } = await riskContext(actor, risk.id);
	return mayActForPartner(ctx.membership, risk.ownerOrganisationId);
}

export async function recordRiskReview(
	actor: Actor,
	riskId: string,
	input: unknown
): Promise<RiskView> {
	const { ctx, risk } = await riskContext(actor, riskId);
	demand(mayActForPartner(ctx.membership, risk.ownerOrganisationId), NO_RIGHT);
	const data = parse(RecordRiskReviewInput, input);
	const today = dayInUk(now());
	const reviewedOn = data.meetingId ? await meetingDay(ctx.partnership.id, data.meetingId) : today;
	if (!data.closed && !data.nextReviewOn)
		throw new Invalid({ nextReviewOn: 'Enter the date of the next review, or close the risk' });
	if (data.nextReviewOn && data.nextReviewOn <= reviewedOn)
		throw new Invalid({
			nextReviewOn: `The next review must be after ${data.meetingId ? 'the meeting' : 'today'}`
		});
	await transaction(async (tx) => {
		const latest = await tx.riskReview.findFirst({
			where: { riskId },
			orderBy: [{ reviewedOn: 'desc' }, { recordedAt: 'desc' }]
		});
		if (latest && dayOf(latest.reviewedOn) > reviewedOn)
			throw new Invalid({
				meetingId: `This risk was reviewed later, on ${formatDay(dayOf(latest.reviewedOn))}: choose a later meeting`
			});
		if (
			data.meetingId &&
			(await tx.riskReview.count({ where: { riskId, meetingId: data.meetingId } }))
		)
			throw new Invalid({ meetingId: 'This risk’s review at that meeting is already recorded' });
		const row = await tx.riskReview.create({
			data: {
				riskId,
				likelihood: data.likelihood,
				impact: data.impact,
				controls: data.controls,
				note: data.note ?? '',
				status: data.closed ? 'CLOSED' : 'OPEN',
				reviewedOn: atDay(reviewedOn),
				nextReviewOn: data.nextReviewOn && !data.closed ? atDay(data.nextReviewOn) : null,
				meetingId: data.meetingId ?? null,
				recordedById: actor.userId,
				recordedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'risk_reviewed',
			entity: 'Risk',
			entityId: riskId,
			partnershipId: ctx.partnership.id,
			detail: { reviewId: row.id, ...data, score: riskScore(data.likelihood, data.impact) }
		});
	});
	return (await riskViews(ctx, { id: riskId }))[0];
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** The day of a meeting a review may be recorded for: the partnership's, with a risk review item, held. */
async function meetingDay(partnershipId: string, meetingId: string): Promise<string> {
	const meeting = await db().meeting.findFirst({
		where: {
			id: meetingId,
			partnershipId,
			items: { some: { purpose: 'RISK_REVIEW', withdrawn: false } }
		},
		select: { startsAt: true }
	});
	if (!meeting)
		throw new Invalid({
			meetingId: 'Choose a meeting of this partnership with a risk review item'
		});
	const held = dayInUk(meeting.startsAt);
	if (held > dayInUk(now()))
		throw new Invalid({
			meetingId: 'That meeting is still to come: record the review at or after it'
		});
	return held;
}

/** The meetings a review may be recorded for, latest first: those with a risk review item, held by today. */
export async function riskReviewMeetings(actor: Actor, riskId: string) {
	const { ctx } = await riskContext(actor, riskId);
	const meetings = await db().meeting.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			startsAt: { lte: now() },
			items: { some: { purpose: 'RISK_REVIEW', withdrawn: false } }
		},
		orderBy: { startsAt: 'desc' },
		take: 20,
		select: { id: true, title: true, startsAt: true }
	});
	return meetings.map((m) => ({ id: m.id, title: m.title, on: dayInUk(m.startsAt) }));
}

/**
 * A risk review item's paper: the risks due for review by the meeting's day, as they stood before the
 * meeting (reviews recorded since, other than this meeting's, are left out), each with this meeting's
 * review once recorded.
 */
export async function riskReviewPaper(actor: Actor, meetingId: string): Promise<RiskReviewPaper> {
	const ctx = await meetingContext(actor, meetingId);
	const meeting = await db().meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: { startsAt: true }
	});
	const meetingDay = dayInUk(meeting.startsAt);
	const risks = await riskViews(ctx, {});
	const known = (r: RiskReviewView) =>
		r.meeting?.id !== meetingId && new Date(r.recordedAt) <= meeting.startsAt;
	// Worded as it was when the meeting met: an officer's later edit does not rewrite a past meeting's paper.
	const titleThen = (risk: (typeof risks)[number]) =>
		risk.versions.filter((v) => new Date(v.recordedAt) <= meeting.startsAt).at(-1)?.title ??
		risk.title;
	return {
		meetingDay,
		risks: risks
			.flatMap((risk) => {
				const before = risk.reviews.filter(known).at(-1);
				if (!before || !isDue(before, meetingDay)) return [];
				const here = risk.reviews.find((r) => r.meeting?.id === meetingId) ?? null;
				return [
					{
						id: risk.id,
						title: titleThen(risk),
						ownerOrganisationName: risk.ownerOrganisationName,
						before: scores(before, {
							reviewedOn: before.reviewedOn,
							nextReviewOn: before.nextReviewOn
						}),
						atThisMeeting: here && scores(here, {})
					}
				];
			})
			.sort((a, b) => b.before.score - a.before.score || a.title.localeCompare(b.title))
	};
}

function scores<T extends object>(review: { likelihood: number; impact: number }, more: T) {
	const score = riskScore(review.likelihood, review.impact);
	return {
		likelihood: review.likelihood,
		impact: review.impact,
		score,
		band: riskBand(score),
		...more
	};
}
