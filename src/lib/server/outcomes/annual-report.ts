// The annual outcome report: what the partnership's record says about one reporting year (1 April to 31
// March). The plan's outcomes with their indicators as the year ended, the decisions and actions that
// served each, the forum priorities behind them and the answers forums were given, each partner's account
// for the year with its annual statement, and the review's measures of how the boards deliberated. Read
// from the record only: nothing here is written, and every part asks the same functions the pages do.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { partnershipContext } from '../access/index.ts';
import { Invalid, db, keyOf, now, parse, wholeNumber } from '../platform/index.ts';
import { reviewSummary } from '../review/index.ts';
import { ReviewSummaryView } from '../../review/views.ts';
import { dayInUk, reportingYear, reportingYearDays, reportingYearOf } from '../../dates.ts';
import { COMMITMENT_STATES, SECTORS, type CommitmentState } from '../../vocabulary.ts';
import { OutcomeDetailView, outcomesRead } from './indicators.ts';
import { ForumPriority, ServingAction, outcomesServed, type Period } from './annual-outcomes.ts';
import { partnerAccount } from './partner-account.ts';

export const AnnualReportQuery = z.object({
	year: wholeNumber('the reporting year', 2000, 2100).optional()
});

export const AnnualReportView = z.object({
	partnership: z.object({ slug: z.string(), name: z.string() }),
	year: z.number(),
	/** "2025/26". */
	label: z.string(),
	from: z.iso.date(),
	to: z.iso.date(),
	/** The year has not ended: its figures run to today. */
	inProgress: z.boolean(),
	/** The day the indicators are read on: the year's last, or today while it runs. */
	readOn: z.iso.date(),
	/** The reporting years the record covers, newest first. */
	years: z.array(z.number()),
	outcomes: z.array(
		OutcomeDetailView.extend({
			/** Actions tagged with the outcome that were under way in the year, with their decisions. */
			actions: z.array(ServingAction),
			/** The forum priorities tagged with the outcome. */
			priorities: z.array(ForumPriority)
		})
	),
	priorities: z.object({
		/** Raised by forums in the year. */
		raised: z.number(),
		/** Decided on in the year. */
		decided: z.number(),
		/** Answers published to forums in the year, with the forum's verdict where it gave one. */
		responses: z.array(
			z.object({
				priorityId: z.string(),
				title: z.string(),
				forum: z.string(),
				weDid: z.string(),
				publishedOn: z.iso.date(),
				verdict: z.enum(['ACCEPTED', 'CONTESTED']).nullable()
			})
		)
	}),
	partners: z.array(
		z.object({
			id: z.string(),
			name: z.string(),
			sector: keyOf(SECTORS),
			/** Meetings in the year of bodies where it had a seat, and those its people attended. */
			meetings: z.number(),
			attended: z.number(),
			/** Commitments given at decisions in the year, by whether they were kept. */
			commitments: z.record(keyOf(COMMITMENT_STATES), z.number()),
			/** Actions it owns, as the record stands now. */
			actionsDone: z.number(),
			actionsOpen: z.number(),
			actionsOverdue: z.number(),
			challengesMade: z.number(),
			challengesReceived: z.number(),
			/** Its statement for the year (latest version), if it wrote one. */
			statement: z
				.object({ text: z.string(), version: z.number(), writtenBy: z.string() })
				.nullable()
		})
	),
	review: ReviewSummaryView
});
export type AnnualReportView = z.infer<typeof AnnualReportView>;

const startOfDay = (day: string) => new Date(`${day}T00:00:00Z`);
const endOfDay = (day: string) => new Date(startOfDay(day).getTime() + 86_400_000 - 1);

/** The report for `query.year`, or by default the last reporting year that has ended. */
export async function annualReport(
	actor: Actor,
	slug: string,
	query: unknown
): Promise<AnnualReportView> {
	const ctx = await partnershipContext(actor, slug);
	const partnershipId = ctx.partnership.id;
	const today = dayInUk(now());
	const current = reportingYearOf(today);
	const first = await db().meeting.findFirst({
		where: { partnershipId },
		orderBy: { startsAt: 'asc' },
		select: { startsAt: true }
	});
	const earliest = first ? reportingYearOf(dayInUk(first.startsAt)) : current;
	const year = parse(AnnualReportQuery, query).year ?? Math.max(earliest, current - 1);
	if (year > current)
		throw new Invalid({ year: `The reporting year ${reportingYear(year)} has not begun` });
	const { from, to } = reportingYearDays(year);
	const inProgress = to >= today;
	const until = inProgress ? today : to;
	const period = { from: startOfDay(from), to: endOfDay(until) };

	const [outcomes, priorities, partners, review] = await Promise.all([
		outcomesServed(ctx.partnership.id, await outcomesRead(ctx, { readOn: until }), period),
		forumsHeard(partnershipId, period),
		partnersSideBySide(actor, slug, partnershipId, year, period),
		// A published document: figures by sector merged where fewer than 3 people took part, whoever reads it.
		reviewSummary(actor, slug, { from, to: until }, { forPublication: true })
	]);
	return {
		partnership: { slug: ctx.partnership.slug, name: ctx.partnership.name },
		year,
		label: reportingYear(year),
		from,
		to,
		inProgress,
		readOn: until,
		years: Array.from({ length: current - earliest + 1 }, (_, i) => current - i),
		outcomes,
		priorities,
		partners,
		review
	};
}

/** How many priorities forums raised and had decided in the year, and the answers published to them. */
async function forumsHeard(
	partnershipId: string,
	period: Period
): Promise<AnnualReportView['priorities']> {
	const within = { gte: period.from, lte: period.to };
	const [raised, decided, answers] = await Promise.all([
		db().priority.count({ where: { partnershipId, createdAt: within } }),
		db().priorityEvent.findMany({
			where: { type: 'DECIDED', at: within, priority: { partnershipId } },
			distinct: ['priorityId'],
			select: { priorityId: true }
		}),
		db().feedback.findMany({
			where: { status: 'PUBLISHED', publishedAt: within, priority: { partnershipId } },
			select: {
				priorityId: true,
				weDid: true,
				publishedAt: true,
				verdict: true,
				priority: { select: { title: true, raisedByBodyId: true } }
			},
			orderBy: { publishedAt: 'asc' }
		})
	]);
	const forums = new Map(
		(
			await db().body.findMany({
				where: { id: { in: answers.map((a) => a.priority.raisedByBodyId) } },
				select: { id: true, name: true }
			})
		).map((b) => [b.id, b.name])
	);
	return {
		raised,
		decided: decided.length,
		responses: answers.map((a) => ({
			priorityId: a.priorityId,
			title: a.priority.title,
			forum: forums.get(a.priority.raisedByBodyId) ?? '',
			weDid: a.weDid,
			publishedOn: dayInUk(a.publishedAt!),
			verdict: a.verdict
		}))
	};
}

/** Every partner's account for the year, side by side, with its statement for the year. */
async function partnersSideBySide(
	actor: Actor,
	slug: string,
	partnershipId: string,
	year: number,
	period: Period
): Promise<AnnualReportView['partners']> {
	const organisations = await db().organisation.findMany({
		where: { partnershipId },
		orderBy: { name: 'asc' },
		select: { id: true }
	});
	const accounts = await Promise.all(
		organisations.map((o) => partnerAccount(actor, slug, o.id, period))
	);
	return accounts.map((account) => {
		const given = account.commitments.filter((c) => {
			const at = new Date(c.decidedAt);
			return at >= period.from && at <= period.to;
		});
		const commitments = Object.fromEntries(
			Object.keys(COMMITMENT_STATES).map((state) => [
				state,
				given.filter((c) => c.kept.state === state).length
			])
		) as Record<CommitmentState, number>;
		const statement = account.statements.find((s) => s.year === year);
		return {
			id: account.id,
			name: account.name,
			sector: account.sector,
			meetings: account.attendance.meetings.length,
			attended: account.attendance.attended,
			commitments,
			actionsDone: account.actions.counts.DONE,
			actionsOpen: account.actions.counts.OPEN + account.actions.counts.IN_PROGRESS,
			actionsOverdue: account.actions.overdue,
			challengesMade: account.challenges.made,
			challengesReceived: account.challenges.received,
			statement: statement
				? { text: statement.text, version: statement.version, writtenBy: statement.writtenBy }
				: null
		};
	});
}
