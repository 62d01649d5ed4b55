// What anyone may see without signing in, at a stable address per partnership: meetings whose agenda
// has been issued, their items not taken in private, public papers, approved minutes (their public part)
// and the decisions register. Every query here is its own and asks only for what is public: nothing is
// read through the signed-in views, so a restricted field cannot slip through one of them.
import { z } from 'zod';
import { heldBy, JOINT_BODY_NAMES, jointNames } from '../../joint-names.ts';
import { db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { publicPart } from './draft.ts';
import { restrictedTextOf, withholdRestricted } from '../access/index.ts';
import { EVIDENCE_KINDS, ITEM_PURPOSES, MEETING_STATUSES } from '../../vocabulary.ts';

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

/** A partnership as the signed-out home page lists it. */
export interface PublicPartnershipSummary {
	slug: string;
	name: string;
	area: string;
	publishedMeetings: number;
}

/** Every partnership's public record, by name, with how many of its meetings the public may see. */
export async function listPublicPartnerships(): Promise<PublicPartnershipSummary[]> {
	const partnerships = await db().partnership.findMany({
		select: {
			slug: true,
			name: true,
			area: true,
			_count: { select: { meetings: { where: PUBLISHED_MEETING } } }
		},
		orderBy: { name: 'asc' }
	});
	return partnerships.map(({ _count, ...p }) => ({ ...p, publishedMeetings: _count.meetings }));
}

export async function partnershipOf(slug: string) {
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
				jointBodies: JOINT_BODY_NAMES,
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
			body: heldBy(m.body.name, jointNames(m.jointBodies)),
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

/**
 * A meeting the public may see, under the partnership its address names, with what its public pages
 * read of it; NotFound otherwise.
 */
export async function publishedMeeting(slug: string, meetingId: string) {
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
			currentItemId: true,
			currentItemAt: true,
			body: { select: { name: true } },
			jointBodies: JOINT_BODY_NAMES
		}
	});
	if (!meeting) throw new NotFound('meeting');
	return { partnership, meeting };
}

export async function getPublicMeeting(slug: string, meetingId: string): Promise<PublicMeeting> {
	const { partnership, meeting } = await publishedMeeting(slug, meetingId);
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
		body: heldBy(meeting.body.name, jointNames(meeting.jointBodies)),
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
