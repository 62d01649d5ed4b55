// How risks are shown: each with its current scores (its latest review's), its links and its history,
// for the register, a risk's page, the API and the board pack.
import { z } from 'zod';
import type { Actor, PartnershipContext } from '../access/index.ts';
import { partnershipContext } from '../access/index.ts';
import { NotFound, db, keyOf, now } from '../platform/index.ts';
import { dayInUk, formatDay } from '../../dates.ts';
import { riskBand, riskScore } from '../../risk-bands.ts';
import { ACTION_STATUSES, RISK_BANDS, RISK_STATUSES } from '../../vocabulary.ts';
import { RiskVersionView, versionViews } from './risk-versions.ts';

export const RiskReviewView = z.object({
	id: z.string(),
	likelihood: z.number().int(),
	impact: z.number().int(),
	score: z.number().int(),
	band: keyOf(RISK_BANDS),
	controls: z.string(),
	note: z.string(),
	status: keyOf(RISK_STATUSES),
	reviewedOn: z.iso.date(),
	nextReviewOn: z.iso.date().nullable(),
	/** The meeting it was recorded at or for, if any. */
	meeting: z.object({ id: z.string(), title: z.string() }).nullable(),
	/** The assessment made when the risk was defined. */
	initial: z.boolean(),
	recordedBy: z.string(),
	recordedAt: z.iso.datetime()
});
export type RiskReviewView = z.infer<typeof RiskReviewView>;

export const RiskView = z.object({
	id: z.string(),
	title: z.string(),
	description: z.string(),
	ownerOrganisationId: z.string(),
	ownerOrganisationName: z.string(),
	/** The latest review's: status, scores, controls and next review. */
	status: keyOf(RISK_STATUSES),
	likelihood: z.number().int(),
	impact: z.number().int(),
	score: z.number().int(),
	band: keyOf(RISK_BANDS),
	controls: z.string(),
	lastReviewedOn: z.iso.date(),
	nextReviewOn: z.iso.date().nullable(),
	/** Open, and its next review is today or past, or has no date. */
	due: z.boolean(),
	outcomes: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
	decisions: z.array(z.object({ id: z.string(), title: z.string(), on: z.iso.date() })),
	actions: z.array(z.object({ id: z.string(), text: z.string(), status: keyOf(ACTION_STATUSES) })),
	/** Every review, oldest first: the history of scores. */
	reviews: z.array(RiskReviewView),
	/** Every version of its wording and links, oldest first: the latest is current. */
	versions: z.array(RiskVersionView)
});
export type RiskView = z.infer<typeof RiskView>;

const day = (d: Date) => d.toISOString().slice(0, 10);
export const atDay = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** Whether a risk whose latest review is `latest` is due for review on `onDay`. */
export function isDue(
	latest: { status: string; nextReviewOn: string | null },
	onDay: string
): boolean {
	return latest.status === 'OPEN' && (latest.nextReviewOn === null || latest.nextReviewOn <= onDay);
}

/** A risk and the actor's context in its partnership; not found outside it, or when `slug` is another. */
export async function riskContext(actor: Actor, riskId: string, slug?: string) {
	const risk = await db().risk.findUnique({ where: { id: riskId } });
	if (!risk) throw new NotFound('risk');
	const owner = await db().partnership.findUniqueOrThrow({
		where: { id: risk.partnershipId },
		select: { slug: true }
	});
	if (slug !== undefined && slug !== owner.slug) throw new NotFound('risk');
	const ctx = await partnershipContext(actor, owner.slug).catch(() => {
		throw new NotFound('risk');
	});
	return { ctx, risk };
}

/** Risks as they stand, with their links and every review. */
export async function riskViews(
	ctx: PartnershipContext,
	where: { id?: string | { in: string[] }; ownerOrganisationId?: string }
): Promise<RiskView[]> {
	const partnershipId = ctx.partnership.id;
	const rows = await db().risk.findMany({
		where: { ...where, partnershipId },
		orderBy: { title: 'asc' },
		include: {
			reviews: { orderBy: [{ reviewedOn: 'asc' }, { recordedAt: 'asc' }] },
			versions: { orderBy: { version: 'asc' } },
			outcomes: true,
			decisions: true,
			actions: true
		}
	});
	const reviews = rows.flatMap((r) => r.reviews);
	const versions = rows.flatMap((r) => r.versions);
	// Records linked now or once: the history names those an edit took away too.
	const linkedIds = (now: string[], key: 'outcomeIds' | 'decisionIds' | 'actionIds') => [
		...new Set([...now, ...versions.flatMap((v) => v[key])])
	];
	const [people, organisations, meetings, outcomes, decisions, actions] = await Promise.all([
		db().user.findMany({
			where: {
				id: {
					in: [...new Set([...reviews, ...versions].map((r) => r.recordedById))]
				}
			},
			select: { id: true, name: true }
		}),
		db().organisation.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
		db().meeting.findMany({
			where: { id: { in: reviews.flatMap((r) => (r.meetingId ? [r.meetingId] : [])) } },
			select: { id: true, title: true }
		}),
		db().outcome.findMany({
			where: {
				id: {
					in: linkedIds(
						rows.flatMap((r) => r.outcomes.map((o) => o.outcomeId)),
						'outcomeIds'
					)
				}
			},
			orderBy: [{ kind: 'asc' }, { code: 'asc' }],
			select: { id: true, code: true, title: true }
		}),
		decisionNames(
			partnershipId,
			linkedIds(
				rows.flatMap((r) => r.decisions.map((d) => d.decisionId)),
				'decisionIds'
			)
		),
		db().action.findMany({
			where: {
				id: {
					in: linkedIds(
						rows.flatMap((r) => r.actions.map((a) => a.actionId)),
						'actionIds'
					)
				}
			},
			orderBy: { createdAt: 'asc' },
			select: { id: true, text: true, status: true }
		})
	]);
	const meetingTitles = new Map(meetings.map((m) => [m.id, m.title]));
	const personName = new Map(people.map((p) => [p.id, p.name]));
	const organisationName = new Map(organisations.map((o) => [o.id, o.name]));
	const today = dayInUk(now());
	const names = {
		person: (id: string) => personName.get(id) ?? 'Unknown',
		outcome: (id: string) => {
			const o = outcomes.find((x) => x.id === id);
			return o ? `${o.code}: ${o.title}` : 'An outcome';
		},
		decision: (id: string) => {
			const d = decisions.get(id);
			return d ? `${d.title} (${formatDay(d.on)})` : 'A decision';
		},
		action: (id: string) => actions.find((x) => x.id === id)?.text ?? 'An action'
	};
	return rows.map((row) => {
		const history = row.reviews.map((r, at) => ({
			id: r.id,
			likelihood: r.likelihood,
			impact: r.impact,
			score: riskScore(r.likelihood, r.impact),
			band: riskBand(riskScore(r.likelihood, r.impact)),
			controls: r.controls,
			note: r.note,
			status: r.status,
			reviewedOn: day(r.reviewedOn),
			nextReviewOn: r.nextReviewOn ? day(r.nextReviewOn) : null,
			meeting: r.meetingId
				? { id: r.meetingId, title: meetingTitles.get(r.meetingId) ?? 'Meeting' }
				: null,
			initial: at === 0,
			recordedBy: personName.get(r.recordedById) ?? 'Unknown',
			recordedAt: r.recordedAt.toISOString()
		}));
		const latest = history[history.length - 1];
		const linked = <T extends { id: string }>(all: T[], ids: string[]) =>
			all.filter((x) => ids.includes(x.id));
		return {
			id: row.id,
			title: row.title,
			description: row.description,
			ownerOrganisationId: row.ownerOrganisationId,
			ownerOrganisationName: organisationName.get(row.ownerOrganisationId) ?? '',
			status: latest.status,
			likelihood: latest.likelihood,
			impact: latest.impact,
			score: latest.score,
			band: latest.band,
			controls: latest.controls,
			lastReviewedOn: latest.reviewedOn,
			nextReviewOn: latest.nextReviewOn,
			due: isDue(latest, today),
			outcomes: linked(
				outcomes,
				row.outcomes.map((o) => o.outcomeId)
			),
			decisions: row.decisions.flatMap((d) => decisions.get(d.decisionId) ?? []),
			actions: linked(
				actions,
				row.actions.map((a) => a.actionId)
			),
			reviews: history,
			versions: versionViews(row.versions, names)
		};
	});
}

/** Each decision of the partnership by its agenda item's title and its meeting's day, newest first. */
export async function decisionNames(partnershipId: string, ids?: string[]) {
	const decisions = await db().decision.findMany({
		where: { partnershipId, ...(ids ? { id: { in: ids } } : {}) },
		orderBy: { createdAt: 'desc' },
		select: { id: true, agendaItemId: true, meeting: { select: { startsAt: true } } }
	});
	const items = new Map(
		(
			await db().agendaItem.findMany({
				where: { id: { in: decisions.map((d) => d.agendaItemId) } },
				select: { id: true, title: true }
			})
		).map((i) => [i.id, i.title])
	);
	return new Map(
		decisions.map((d) => [
			d.id,
			{ id: d.id, title: items.get(d.agendaItemId) || 'Decision', on: dayInUk(d.meeting.startsAt) }
		])
	);
}
