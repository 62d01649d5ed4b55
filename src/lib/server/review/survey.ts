// The members' anonymous survey after a meeting (DESIGN §6): each member present answers the five
// statements once, and the answers can never be tied back to them.
// Two records, written in one transaction and never joined: a SurveyReceipt says who has answered (so nobody
// answers twice) and holds no answers; a SurveyResponse holds the answers under a random id, with no member
// and no time; each new answer re-stores the meeting's responses in a random order in its own transaction
// (restoreShuffled), so neither the columns, nor the order of the rows, nor the transaction that wrote them
// lines a response up with a receipt or with the audit trail. Nothing here ever returns a response
// id, and the results are shown only once the survey has closed (SURVEY_OPEN_DAYS after the meeting, or
// when its minutes are approved) and enough members have answered, so they never change after anyone has
// seen them.
import { randomInt, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { mailAlongside } from '../notify/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Forbidden } from '../platform/index.ts';
import { requireStatus } from '../meetings/index.ts';
import { meetingContext } from '../access/index.ts';
import { optionalText, parse } from '../platform/index.ts';
import { REVIEWABLE } from './access.ts';
import { mean } from '../../review/measures.ts';
import {
	AGREEMENT_LEVELS,
	SURVEY_MIN_RESPONSES,
	SURVEY_OPEN_DAYS,
	SURVEY_KEYS,
	surveyStatements,
	type SurveyKey
} from '../../review/survey.ts';
import type { SurveyResultsView } from '../../review/views.ts';
import { BODY_KINDS, type MeetingStatus } from '../../vocabulary.ts';

type Reader = Db | Tx;

export const SURVEY_COMMENT_MAX = 2000;
const ANSWER_MESSAGE = 'Choose a number from 1 to 5, or “No answer”';

/** 1..5 from JSON or a form's radio button; null, blank or left out is no answer. */
const Answer = z
	.union([z.number(), z.string().regex(/^\s*[1-5]?\s*$/, ANSWER_MESSAGE)], {
		error: ANSWER_MESSAGE
	})
	.transform((v) => (typeof v === 'string' ? (v.trim() ? Number(v) : null) : v))
	.pipe(z.number().int(ANSWER_MESSAGE).min(1, ANSWER_MESSAGE).max(5, ANSWER_MESSAGE).nullable())
	.nullish()
	.transform((v) => v ?? null);

const answerShape = Object.fromEntries(SURVEY_KEYS.map((key) => [key, Answer])) as Record<
	SurveyKey,
	typeof Answer
>;

const noAnswers = () =>
	Object.fromEntries(SURVEY_KEYS.map((key) => [key, null])) as Record<SurveyKey, null>;

export const AnswerSurveyInput = z
	.object({
		answers: z
			.object(answerShape, { error: 'Send the answers as an object' })
			.nullish()
			.transform((a) => a ?? noAnswers()),
		comment: optionalText('your comment', SURVEY_COMMENT_MAX).transform((c) => c ?? '')
	})
	.superRefine((v, ctx) => {
		if (!v.comment && Object.values(v.answers).every((a) => a === null))
			ctx.addIssue({
				code: 'custom',
				path: ['answers'],
				message: 'Answer at least one statement, or write a comment'
			});
	});
export type AnswerSurveyInput = z.input<typeof AnswerSurveyInput>;

export const SurveyView = z.object({
	/** bodyKind: the kind of body that met, which words the statements. */
	meeting: z.object({
		id: z.string(),
		title: z.string(),
		bodyKind: z.enum(Object.keys(BODY_KINDS) as [keyof typeof BODY_KINDS])
	}),
	/**
	 * open: the caller was present and has not answered; answered: they have (their answers are not tied
	 * to them, so they are not shown again); not-eligible: they were not at the meeting as a member.
	 */
	state: z.enum(['open', 'answered', 'not-eligible', 'closed']),
	/** When answering stops. */
	closesAt: z.iso.datetime(),
	/** Worded for the kind of body that met ("The board …", "The theme group …", "The forum …"). */
	statements: z.array(z.object({ key: z.string(), text: z.string() })),
	levels: z.array(z.object({ value: z.number().int(), label: z.string() })),
	commentMaxLength: z.number().int(),
	/** Members present, who are each asked once. */
	eligible: z.number().int(),
	responses: z.number().int(),
	/** Results are shown in the review once this many have answered. */
	minimum: z.number().int()
});
export type SurveyView = z.infer<typeof SurveyView>;

/**
 * Who is asked: the partnership's members recorded at the meeting (present, or standing in for a seat
 * holder). Officers keep the record and reviewers and observers watch; the statements are the partners'
 * view of their board, so they are not asked.
 */
export function presentMembers(meetingId: string | { in: string[] }) {
	return {
		meetingId,
		status: { in: ['PRESENT' as const, 'SUBSTITUTE_FOR' as const] },
		membership: { role: 'MEMBER' as const }
	};
}

/**
 * When the survey stops taking answers: SURVEY_OPEN_DAYS after the meeting closed (or began, for a record
 * without a closing time), or when its minutes were first approved, whichever is sooner.
 */
export async function surveyClosesAt(reader: Reader, meetingId: string): Promise<Date> {
	const [meeting, approval] = await Promise.all([
		reader.meeting.findUniqueOrThrow({
			where: { id: meetingId },
			select: { closedAt: true, startsAt: true }
		}),
		reader.minutesVersion.findFirst({
			where: { meetingId },
			orderBy: { approvedAt: 'asc' },
			select: { approvedAt: true }
		})
	]);
	const closed = meeting.closedAt ?? meeting.startsAt;
	const due = new Date(closed.getTime() + SURVEY_OPEN_DAYS * 86_400_000);
	return approval && approval.approvedAt < due ? approval.approvedAt : due;
}

async function countResponses(reader: Reader, meetingId: string): Promise<number> {
	return reader.surveyResponse.count({ where: { meetingId } });
}

/** What the caller may do with a closed meeting's survey (409 before the meeting closes). */
export async function surveyFor(actor: Actor, meetingId: string): Promise<SurveyView> {
	const ctx = await meetingContext(actor, meetingId);
	requireStatus(
		ctx.meeting as { status: MeetingStatus },
		REVIEWABLE,
		'The members’ survey opens when the meeting closes'
	);
	const membershipId = ctx.membership.id;
	const [meeting, asked, receipt, eligible, responses, closesAt] = await Promise.all([
		db().meeting.findUniqueOrThrow({
			where: { id: meetingId },
			select: { title: true, body: { select: { kind: true } } }
		}),
		db().attendance.count({ where: { ...presentMembers(meetingId), membershipId } }),
		db().surveyReceipt.findUnique({
			where: { meetingId_membershipId: { meetingId, membershipId } }
		}),
		db().attendance.count({ where: presentMembers(meetingId) }),
		countResponses(db(), meetingId),
		surveyClosesAt(db(), meetingId)
	]);
	return {
		meeting: { id: meetingId, title: meeting.title, bodyKind: meeting.body.kind },
		state: !asked ? 'not-eligible' : receipt ? 'answered' : now() >= closesAt ? 'closed' : 'open',
		closesAt: closesAt.toISOString(),
		statements: surveyStatements(meeting.body.kind),
		levels: AGREEMENT_LEVELS.map((label, i) => ({ value: i + 1, label })),
		commentMaxLength: SURVEY_COMMENT_MAX,
		eligible,
		responses,
		minimum: SURVEY_MIN_RESPONSES
	};
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

type SurveyResponseRow = Awaited<ReturnType<Tx['surveyResponse']['create']>>;

/**
 * Stores a new response with the meeting's earlier ones, all re-written in a random order by this
 * transaction (the database allows the rewrite for this meeting only: see the migration). PostgreSQL
 * stores rows in the order they arrive and marks each with the transaction that wrote it; re-written
 * together, every response of the meeting carries the latest answer's transaction and a shuffled place.
 */
async function restoreShuffled(tx: Tx, response: SurveyResponseRow): Promise<void> {
	await tx.$queryRaw`SELECT set_config('workspace.restoring_survey', ${response.meetingId}, true)`;
	const earlier = await tx.$queryRaw<SurveyResponseRow[]>`
		DELETE FROM "SurveyResponse" WHERE "meetingId" = ${response.meetingId} RETURNING *`;
	const rows = [...earlier, response];
	for (let i = rows.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[rows[i], rows[j]] = [rows[j], rows[i]];
	}
	await tx.surveyResponse.createMany({ data: rows });
	await tx.$queryRaw`SELECT set_config('workspace.restoring_survey', '', true)`;
}

/**
 * Records one member's answers: the receipt (who answered, no answers) and the response (the answers, no
 * one) together, or neither. A second answer is refused (409) and writes nothing.
 */
export async function answerSurvey(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<{ received: true }> {
	const ctx = await meetingContext(actor, meetingId);
	requireStatus(
		ctx.meeting as { status: MeetingStatus },
		REVIEWABLE,
		'The members’ survey opens when the meeting closes'
	);
	const membershipId = ctx.membership.id;
	const present = await db().attendance.count({
		where: { ...presentMembers(meetingId), membershipId }
	});
	if (!present)
		throw new Forbidden('The survey is for the members who were present at this meeting.');
	const closesAt = await surveyClosesAt(db(), meetingId);
	if (now() >= closesAt)
		throw new Conflict(
			`This meeting’s survey closed on ${closesAt.toISOString().slice(0, 10)}; it no longer takes answers.`
		);
	const data = parse(AnswerSurveyInput, input);
	const already = () => new Conflict('You have already answered this meeting’s survey.');
	try {
		await transaction(async (tx) => {
			const receipt = await tx.surveyReceipt.findUnique({
				where: { meetingId_membershipId: { meetingId, membershipId } }
			});
			if (receipt) throw already();
			await tx.surveyReceipt.create({ data: { meetingId, membershipId, createdAt: now() } });
			await restoreShuffled(tx, {
				id: randomUUID(),
				meetingId,
				...data.answers,
				comment: data.comment
			});
			// Says that this member answered; never which response is theirs or what they said.
			await audit(tx, actor.userId, {
				action: 'survey_answered',
				entity: 'Meeting',
				entityId: meetingId,
				partnershipId: ctx.partnership.id,
				detail: { meetingId, membershipId }
			});
		});
	} catch (error) {
		// Two answers sent at once: the receipt's key lets only one through.
		if (isUniqueViolation(error)) throw already();
		throw error;
	}
	return { received: true };
}

/**
 * In the closing transaction: an in-app notification inviting each member present to the survey. Returns
 * how many were sent.
 */
export async function inviteToSurvey(tx: Tx, meetingId: string, slug: string): Promise<number> {
	const meeting = await tx.meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: { partnershipId: true, title: true }
	});
	const present = await tx.attendance.findMany({
		where: presentMembers(meetingId),
		select: { membership: { select: { userId: true } } }
	});
	const userIds = [...new Set(present.map((row) => row.membership.userId))];
	const createdAt = now();
	const message = `${meeting.title} has closed: please answer the members’ anonymous survey`;
	const link = `/p/${slug}/meetings/${meetingId}/survey`;
	await tx.notification.createMany({
		data: userIds.map((userId) => ({
			userId,
			partnershipId: meeting.partnershipId,
			message,
			link,
			createdAt
		}))
	});
	await mailAlongside(
		tx,
		'survey_open',
		meeting.partnershipId,
		userIds,
		`The members’ survey for ${meeting.title} is open`,
		message,
		link
	);
	return userIds.length;
}

/**
 * The survey's results for the meeting's review (the caller has checked access). While the survey is open,
 * or below the minimum number of responses, only the counts are given: no distributions, means or comments.
 */
export async function surveyResults(meetingId: string): Promise<z.infer<typeof SurveyResultsView>> {
	const [eligible, rows, closesAt, meeting] = await Promise.all([
		db().attendance.count({ where: presentMembers(meetingId) }),
		db().surveyResponse.findMany({ where: { meetingId } }),
		surveyClosesAt(db(), meetingId),
		db().meeting.findUniqueOrThrow({
			where: { id: meetingId },
			select: { body: { select: { kind: true } } }
		})
	]);
	const responses = rows.length;
	const open = now() < closesAt;
	const shown = !open && responses >= SURVEY_MIN_RESPONSES;
	const base = {
		eligible,
		responses,
		closesAt: closesAt.toISOString(),
		open,
		shown,
		minimum: SURVEY_MIN_RESPONSES
	};
	if (!shown) return { ...base, statements: [], comments: [] };
	return {
		...base,
		statements: surveyStatements(meeting.body.kind).map(({ key, text }) => {
			const values = rows.map((row) => row[key]).filter((v): v is number => v !== null);
			const distribution = [1, 2, 3, 4, 5].map((level) => values.filter((v) => v === level).length);
			return {
				key,
				text,
				distribution,
				answered: values.length,
				mean: mean(values)
			};
		}),
		// Sorted by their text, so their order says nothing about when each was given.
		comments: rows
			.map((row) => row.comment)
			.filter((c) => c.trim() !== '')
			.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
	};
}
