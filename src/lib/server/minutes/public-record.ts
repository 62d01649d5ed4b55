// What anyone may see without signing in, at a stable address per partnership: meetings whose agenda
// has been issued, their items not taken in private, public papers, approved minutes (their public part)
// and the decisions register. Every query here is its own and asks only for what is public: nothing is
// read through the signed-in views, so a restricted field cannot slip through one of them.
import { z } from 'zod';
import { db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { safeText } from '../platform/index.ts';
import { publicPart } from './draft.ts';
import { restrictedTextOf, withholdRestricted } from '../access/index.ts';
import {
	DECISION_METHODS,
	DECISION_OUTCOMES,
	EVIDENCE_KINDS,
	ITEM_PURPOSES,
	MEETING_STATUSES
} from '../../vocabulary.ts';

/** Meetings the public may see: the agenda has been issued. */
export const PUBLISHED_MEETING = {
	status: { not: 'DRAFT' as const },
	agendaIssuedAt: { not: null }
};

export const PublicMeetingSummary = z.object({
	id: z.string(),
	title: z.string(),
	body: z.string(),
	startsAt: z.iso.datetime(),
	status: z.enum(Object.keys(MEETING_STATUSES) as [keyof typeof MEETING_STATUSES]),
	minutesApproved: z.boolean()
});
export type PublicMeetingSummary = z.infer<typeof PublicMeetingSummary>;

export const PublicPartnership = z.object({
	slug: z.string(),
	name: z.string(),
	area: z.string(),
	bodies: z.array(z.object({ id: z.string(), name: z.string() })),
	meetings: z.array(PublicMeetingSummary)
});
export type PublicPartnership = z.infer<typeof PublicPartnership>;

async function partnershipOf(slug: string) {
	const partnership = await db().partnership.findUnique({
		where: { slug },
		select: { id: true, slug: true, name: true, area: true }
	});
	if (!partnership) throw new NotFound('partnership');
	return partnership;
}

/** The partnership and its bodies' published meetings, newest first. */
export async function getPublicPartnership(slug: string): Promise<PublicPartnership> {
	const partnership = await partnershipOf(slug);
	const [bodies, meetings] = await Promise.all([
		db().body.findMany({
			where: { partnershipId: partnership.id },
			select: { id: true, name: true },
			orderBy: { name: 'asc' }
		}),
		db().meeting.findMany({
			where: { partnershipId: partnership.id, ...PUBLISHED_MEETING },
			select: {
				id: true,
				title: true,
				startsAt: true,
				status: true,
				body: { select: { name: true } },
				_count: { select: { minutesVersions: true } }
			},
			orderBy: [{ startsAt: 'desc' }, { id: 'asc' }]
		})
	]);
	return {
		slug: partnership.slug,
		name: partnership.name,
		area: partnership.area,
		bodies,
		meetings: meetings.map((m) => ({
			id: m.id,
			title: m.title,
			body: m.body.name,
			startsAt: m.startsAt.toISOString(),
			status: m.status,
			minutesApproved: m._count.minutesVersions > 0
		}))
	};
}

export const PublicPaper = z.object({
	title: z.string(),
	kind: z.enum(Object.keys(EVIDENCE_KINDS) as [keyof typeof EVIDENCE_KINDS]).nullable(),
	source: z.string().nullable(),
	date: z.iso.date().nullable(),
	summary: z.string(),
	fileName: z.string().nullable()
});

export const PublicMeeting = PublicMeetingSummary.extend({
	partnership: z.object({ slug: z.string(), name: z.string() }),
	durationMinutes: z.number(),
	place: z.string(),
	onlineLink: z.string(),
	items: z.array(
		z.object({
			order: z.number(),
			title: z.string(),
			purpose: z.enum(Object.keys(ITEM_PURPOSES) as [keyof typeof ITEM_PURPOSES]),
			presenter: z.string().nullable(),
			minutes: z.number().nullable(),
			papers: z.array(PublicPaper)
		})
	),
	/** Papers tied to no item. */
	otherPapers: z.array(PublicPaper),
	/** The latest approved version's public part; null until the minutes are approved. */
	minutes: z
		.object({
			version: z.number(),
			text: z.string(),
			hash: z.string(),
			approvedAt: z.iso.datetime()
		})
		.nullable()
});
export type PublicMeeting = z.infer<typeof PublicMeeting>;

export async function getPublicMeeting(slug: string, meetingId: string): Promise<PublicMeeting> {
	const partnership = await partnershipOf(slug);
	const meeting = await db().meeting.findFirst({
		where: { id: meetingId, partnershipId: partnership.id, ...PUBLISHED_MEETING },
		select: {
			id: true,
			title: true,
			startsAt: true,
			status: true,
			durationMinutes: true,
			place: true,
			onlineLink: true,
			body: { select: { name: true } }
		}
	});
	if (!meeting) throw new NotFound('meeting');
	const [items, organisations, latest, restricted] = await Promise.all([
		db().agendaItem.findMany({
			where: { meetingId, private: false, withdrawn: false },
			select: {
				id: true,
				order: true,
				title: true,
				purpose: true,
				presenterOrganisationId: true,
				minutes: true
			},
			orderBy: [{ order: 'asc' }, { id: 'asc' }]
		}),
		db().organisation.findMany({
			where: { partnershipId: partnership.id },
			select: { id: true, name: true }
		}),
		db().minutesVersion.findFirst({
			where: { meetingId },
			orderBy: { version: 'desc' },
			select: { version: true, text: true, hash: true, approvedAt: true }
		}),
		// Minutes drafted before the rule, or edited by hand, may still name a restricted paper.
		restrictedTextOf([meetingId])
	]);
	const itemIds = items.map((i) => i.id);
	// Public papers on public items or on none: a public paper on a private item would name its subject.
	const papers = await db().evidenceItem.findMany({
		where: {
			meetingId,
			confidentiality: 'PUBLIC',
			withdrawn: false,
			OR: [{ agendaItemId: null }, { agendaItemId: { in: itemIds } }]
		},
		select: {
			agendaItemId: true,
			title: true,
			kind: true,
			sourceOrganisationId: true,
			date: true,
			summary: true,
			fileName: true
		},
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	const organisation = new Map(organisations.map((o) => [o.id, o.name]));
	const paper = (p: (typeof papers)[number]) => ({
		title: p.title,
		kind: p.kind,
		source: p.sourceOrganisationId ? (organisation.get(p.sourceOrganisationId) ?? null) : null,
		date: p.date?.toISOString().slice(0, 10) ?? null,
		summary: p.summary,
		fileName: p.fileName
	});
	return {
		id: meeting.id,
		title: meeting.title,
		body: meeting.body.name,
		startsAt: meeting.startsAt.toISOString(),
		status: meeting.status,
		minutesApproved: latest !== null,
		partnership: { slug: partnership.slug, name: partnership.name },
		durationMinutes: meeting.durationMinutes,
		place: meeting.place,
		onlineLink: meeting.onlineLink,
		items: items.map((i) => ({
			order: i.order,
			title: i.title,
			purpose: i.purpose,
			presenter: i.presenterOrganisationId
				? (organisation.get(i.presenterOrganisationId) ?? null)
				: null,
			minutes: i.minutes,
			papers: papers.filter((p) => p.agendaItemId === i.id).map(paper)
		})),
		otherPapers: papers.filter((p) => p.agendaItemId === null).map(paper),
		minutes: latest && {
			version: latest.version,
			text: withholdRestricted(publicPart(latest.text), restricted),
			hash: latest.hash,
			approvedAt: latest.approvedAt.toISOString()
		}
	};
}

export const PublicDecisionsQuery = z.object({
	q: safeText('the search', { multiline: false }).trim().max(200).catch(''),
	bodyId: z
		.string()
		.regex(/^[a-z0-9]{0,40}$/)
		.catch(''),
	outcome: z.enum(['', ...Object.keys(DECISION_OUTCOMES)] as [string, ...string[]]).catch(''),
	from: z.iso.date().or(z.literal('')).catch(''),
	to: z.iso.date().or(z.literal('')).catch('')
});
export type PublicDecisionsQuery = z.infer<typeof PublicDecisionsQuery>;

export const PublicDecision = z.object({
	id: z.string(),
	recordedAt: z.iso.datetime(),
	body: z.string(),
	meeting: z.object({ id: z.string(), title: z.string() }),
	item: z.string(),
	version: z.number(),
	outcome: z.string(),
	method: z.string(),
	votes: z.object({ for: z.number(), against: z.number(), abstained: z.number() }).nullable(),
	wording: z.string(),
	hash: z.string(),
	/** Only the public papers cited. */
	evidence: z.array(z.string())
});
export type PublicDecision = z.infer<typeof PublicDecision>;

/** The decisions register: each decision on an item not taken in private, as it stands, newest first. */
export async function listPublicDecisions(
	slug: string,
	query: Partial<Record<keyof PublicDecisionsQuery, string>> = {}
): Promise<{ query: PublicDecisionsQuery; decisions: PublicDecision[] }> {
	const partnership = await partnershipOf(slug);
	const filter = PublicDecisionsQuery.parse(query);
	const openItems = await db().agendaItem.findMany({
		where: { meeting: { partnershipId: partnership.id, ...PUBLISHED_MEETING }, private: false },
		select: { id: true, title: true }
	});
	const itemTitle = new Map(openItems.map((i) => [i.id, i.title]));
	const decisions = await db().decision.findMany({
		where: {
			partnershipId: partnership.id,
			agendaItemId: { in: [...itemTitle.keys()] },
			...(filter.bodyId ? { bodyId: filter.bodyId } : {})
		},
		include: {
			meeting: { select: { id: true, title: true, body: { select: { name: true } } } },
			versions: { orderBy: { version: 'desc' }, take: 1, include: { evidence: true } }
		}
	});
	const cited = decisions
		.flatMap((d) => d.versions.flatMap((v) => v.evidence))
		.map((e) => e.evidenceItemId);
	const publicPapers = new Map(
		(
			await db().evidenceItem.findMany({
				where: { id: { in: cited }, confidentiality: 'PUBLIC', withdrawn: false },
				select: { id: true, title: true }
			})
		).map((p) => [p.id, p.title])
	);
	const needle = filter.q.toLowerCase();
	const from = filter.from ? new Date(`${filter.from}T00:00:00Z`) : null;
	const to = filter.to ? new Date(`${filter.to}T23:59:59.999Z`) : null;
	return {
		query: filter,
		decisions: decisions
			.filter((d) => d.versions.length)
			.map((d): PublicDecision => {
				const v = d.versions[0];
				return {
					id: d.id,
					recordedAt: v.recordedAt.toISOString(),
					body: d.meeting.body.name,
					meeting: { id: d.meeting.id, title: d.meeting.title },
					item: itemTitle.get(d.agendaItemId) ?? '',
					version: v.version,
					outcome: v.outcome,
					method: DECISION_METHODS[v.method as keyof typeof DECISION_METHODS],
					votes:
						v.method === 'VOTE'
							? {
									for: v.votesFor ?? 0,
									against: v.votesAgainst ?? 0,
									abstained: v.votesAbstained ?? 0
								}
							: null,
					wording: v.wording,
					hash: v.hash,
					evidence: v.evidence.flatMap((e) => publicPapers.get(e.evidenceItemId) ?? [])
				};
			})
			.filter(
				(d) =>
					(!filter.outcome || d.outcome === filter.outcome) &&
					(!from || new Date(d.recordedAt) >= from) &&
					(!to || new Date(d.recordedAt) <= to) &&
					(!needle ||
						[d.wording, d.item, d.meeting.title, d.body].some((t) =>
							t.toLowerCase().includes(needle)
						))
			)
			.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))
	};
}
