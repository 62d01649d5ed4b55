// The decisions register: every decision of a partnership, searchable by its latest version; one
// decision's page with all its versions, the challenges on its item and its actions; checking the hashes.
import { takenByNames } from './joint.ts';
import { z } from 'zod';
import { RatificationView, ratificationsOf } from './ratification.ts';
import { DelegationCheckView, delegationChecksOf } from './delegation-check.ts';
import { ReferralView, referralsOf } from './referrals.ts';
import type { Actor } from '../access/index.ts';
import { actionsOfDecision, ActionView } from './actions.ts';
import { ChallengeView, listChallenges } from '../meetings/index.ts';
import { db } from '../platform/index.ts';
import { decisionHash } from './hash.ts';
import {
	contentOf,
	DecisionVersionView,
	versionInclude,
	versionViews,
	type VersionRow
} from './views.ts';
import { NotFound } from '../platform/index.ts';
import { meetingContext, partnershipContext } from '../access/index.ts';
import { choice, isoDate, parse, reference, searchText } from '../platform/index.ts';
import { DECISION_OUTCOMES, MEETING_STATUSES, type MeetingStatus } from '../../vocabulary.ts';

export const DecisionDetail = z.object({
	id: z.string(),
	meeting: z.object({
		id: z.string(),
		title: z.string(),
		startsAt: z.iso.datetime(),
		status: z.enum(Object.keys(MEETING_STATUSES) as [MeetingStatus])
	}),
	body: z.object({ id: z.string(), name: z.string() }),
	item: z.object({ id: z.string(), title: z.string(), order: z.number() }),
	/** The latest version. */
	current: DecisionVersionView,
	/** Every version, newest first. */
	versions: z.array(DecisionVersionView),
	/** Every version's hash matches its content and names the hash of the version before. */
	verified: z.boolean(),
	challenges: z.array(ChallengeView),
	actions: z.array(ActionView),
	/** The partners, and the parent body, it is subject to ratification by, each with its ratification once recorded. */
	ratifications: z.array(RatificationView),
	/** Its latest version against its body's scheme of delegation; null if recorded before schemes were kept. */
	delegation: DelegationCheckView.nullable(),
	/** The matters it referred to named bodies. */
	referrals: z.array(ReferralView),
	/** At a joint meeting, the names of the bodies that took it; empty for a single body's decision. */
	takenBy: z.array(z.string())
});
export type DecisionDetail = z.infer<typeof DecisionDetail>;

export async function getDecision(actor: Actor, decisionId: string): Promise<DecisionDetail> {
	const decision = await db().decision.findUnique({ where: { id: decisionId } });
	if (!decision) throw new NotFound('decision');
	const ctx = await meetingContext(actor, decision.meetingId).catch(() => {
		throw new NotFound('decision');
	});
	const [meeting, item, rows] = await Promise.all([
		db().meeting.findUniqueOrThrow({
			where: { id: decision.meetingId },
			select: { id: true, title: true, startsAt: true, status: true, body: true }
		}),
		db().agendaItem.findUniqueOrThrow({
			where: { id: decision.agendaItemId },
			select: { id: true, title: true, order: true }
		}),
		readVersions(decisionId)
	]);
	const versions = (await versionViews(db(), ctx, decision, rows)).reverse();
	return {
		id: decision.id,
		meeting: {
			id: meeting.id,
			title: meeting.title,
			startsAt: meeting.startsAt.toISOString(),
			status: meeting.status
		},
		body: { id: meeting.body.id, name: meeting.body.name },
		item,
		current: versions[0],
		versions,
		verified: chainHolds(rows),
		challenges: await listChallenges(actor, decision.meetingId, {
			agendaItemId: decision.agendaItemId
		}),
		actions: await actionsOfDecision(db(), ctx.partnership.id, decisionId),
		ratifications: (await ratificationsOf(ctx.partnership.id, [decisionId])).get(decisionId) ?? [],
		delegation: (await delegationChecksOf([decisionId])).get(decisionId) ?? null,
		referrals: await referralsOf(decision.partnershipId, decisionId),
		takenBy: (await takenByNames(db(), [decisionId])).get(decisionId) ?? []
	};
}

const DATE_MESSAGE = 'Enter a date, for example 2026-07-01';

export const DecisionSearch = z.object({
	q: searchText('the search', 200),
	bodyId: reference('Choose a body').optional(),
	outcome: choice(DECISION_OUTCOMES, 'Choose an outcome').optional(),
	organisationId: reference('Choose a partner organisation').optional(),
	from: isoDate(DATE_MESSAGE).optional(),
	to: isoDate(DATE_MESSAGE).optional()
});

export const DecisionSummary = z.object({
	id: z.string(),
	meetingId: z.string(),
	meetingTitle: z.string(),
	bodyId: z.string(),
	bodyName: z.string(),
	/** At a joint meeting, the names of the bodies that took it; empty for a single body's decision. */
	takenBy: z.array(z.string()),
	agendaItemId: z.string(),
	itemTitle: z.string(),
	/** When the decision was first recorded. */
	decidedAt: z.iso.datetime(),
	latest: DecisionVersionView
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

/**
 * Decisions of a partnership, newest first, by their latest version: text in the wording or the item's
 * title, the body, the outcome, a partner (committing, dissenting or presenting the item), the date decided.
 */
export async function searchDecisions(
	actor: Actor,
	slug: string,
	query: unknown
): Promise<DecisionSummary[]> {
	const ctx = await partnershipContext(actor, slug);
	const search = parse(DecisionSearch, query);
	const decisions = await db().decision.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			...(search.bodyId
				? { OR: [{ bodyId: search.bodyId }, { takenBy: { some: { bodyId: search.bodyId } } }] }
				: {}),
			createdAt: {
				...(search.from ? { gte: new Date(`${search.from}T00:00:00Z`) } : {}),
				...(search.to ? { lt: new Date(Date.parse(`${search.to}T00:00:00Z`) + 86_400_000) } : {})
			}
		},
		include: {
			meeting: { select: { title: true, body: { select: { name: true } } } },
			versions: {
				orderBy: { version: 'desc' },
				take: 1,
				include: { dissent: true, evidence: true, commitments: true }
			}
		},
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }]
	});
	const items = new Map(
		(
			await db().agendaItem.findMany({
				where: { id: { in: decisions.map((d) => d.agendaItemId) } },
				select: { id: true, title: true, presenterOrganisationId: true }
			})
		).map((i) => [i.id, i])
	);
	const takenBy = await takenByNames(
		db(),
		decisions.map((d) => d.id)
	);
	const summaries: DecisionSummary[] = [];
	for (const decision of decisions) {
		const [latest] = await versionViews(db(), ctx, decision, decision.versions);
		const item = items.get(decision.agendaItemId);
		if (!latest || !item) continue;
		if (search.outcome && latest.outcome !== search.outcome) continue;
		const q = search.q?.toLowerCase();
		if (q && !`${latest.wording}\n${item.title}`.toLowerCase().includes(q)) continue;
		const partners = new Set([
			...latest.commitments.map((c) => c.organisationId),
			...latest.dissent.map((d) => d.organisationId),
			item.presenterOrganisationId
		]);
		if (search.organisationId && !partners.has(search.organisationId)) continue;
		summaries.push({
			id: decision.id,
			meetingId: decision.meetingId,
			meetingTitle: decision.meeting.title,
			bodyId: decision.bodyId,
			bodyName: decision.meeting.body.name,
			takenBy: takenBy.get(decision.id) ?? [],
			agendaItemId: decision.agendaItemId,
			itemTitle: item.title,
			decidedAt: decision.createdAt.toISOString(),
			latest
		});
	}
	return summaries;
}

/** Every version of a decision, oldest first, as stored. */
export async function readVersions(decisionId: string): Promise<VersionRow[]> {
	return (await db().decisionVersion.findMany({
		where: { decisionId },
		include: versionInclude,
		orderBy: { version: 'asc' }
	})) as VersionRow[];
}

/** One version of a decision. */
export async function getDecisionVersion(
	actor: Actor,
	decisionId: string,
	version: string | number
): Promise<DecisionVersionView> {
	const decision = await db().decision.findUnique({ where: { id: decisionId } });
	if (!decision) throw new NotFound('decision');
	const ctx = await meetingContext(actor, decision.meetingId).catch(() => {
		throw new NotFound('decision');
	});
	// Only a plain number a version can have; anything else (99999999999999999999 is past what the
	// database's integer holds) is no version of this decision rather than a query that cannot run.
	const n = /^[1-9]\d{0,8}$/.test(String(version)) ? Number(version) : NaN;
	const row = Number.isInteger(n)
		? await db().decisionVersion.findUnique({
				where: { decisionId_version: { decisionId, version: n } },
				include: versionInclude
			})
		: null;
	if (!row) throw new NotFound('decision version');
	const [view] = await versionViews(db(), ctx, decision, [row as VersionRow]);
	return view;
}

/**
 * Recomputes each version's hash from its stored content and checks the chain: each version names the
 * hash of the one before. True only if nothing was changed, removed or reordered.
 */
export async function verifyDecision(decisionId: string): Promise<boolean> {
	return chainHolds(await readVersions(decisionId));
}

export function chainHolds(rows: VersionRow[]): boolean {
	return (
		rows.length > 0 &&
		rows.every(
			(row, i) =>
				row.version === i + 1 &&
				row.previousHash === (i === 0 ? null : rows[i - 1].hash) &&
				decisionHash(contentOf(row)) === row.hash
		)
	);
}

/** Which items of a meeting have a decision, and its id: for linking a meeting's record to its decisions. */
export async function decisionsOfMeeting(
	actor: Actor,
	meetingId: string
): Promise<{ id: string; agendaItemId: string }[]> {
	await meetingContext(actor, meetingId);
	return db().decision.findMany({
		where: { meetingId },
		select: { id: true, agendaItemId: true },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
}
