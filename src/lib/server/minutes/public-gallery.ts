// The public gallery: a meeting held in public, followed live by anyone without signing in. It shows what a
// resident sitting at the back of the room would see and hear: the item under discussion, who is speaking
// (name and organisation) and who waits, the challenges put and their answers, and each decision once it
// is frozen. Items taken in private show only that the meeting is in private session; restricted papers
// are named generically and their passages withheld, as everywhere the public reads.
//
// Like the rest of the public record, every query here is its own and asks only for what is public. The
// view is composed once per change for every follower (meetings/live-snapshots.ts).
import { db } from '../platform/index.ts';
import { SHARED, PAPER_ACCESS, paperTitleFor, quoteFor } from '../access/index.ts';
import { restrictedTextOf, withholdRestricted } from '../access/index.ts';
import { connectionCaps, DomainError } from '../platform/index.ts';
import { meetingEventStream, peopleOf, readSpeakers, sharedSnapshot } from '../meetings/index.ts';
import type { Snapshot } from '../meetings/index.ts';
import { publishedMeeting } from './public-record.ts';
import { heldBy, jointNames } from '../../joint-names.ts';
import type { GallerySpeaker, GalleryView } from '../../live/gallery.ts';

async function composeGallery(slug: string, meetingId: string): Promise<GalleryView> {
	const { partnership, meeting } = await publishedMeeting(slug, meetingId);
	const items = await db().agendaItem.findMany({
		where: { meetingId, withdrawn: false },
		select: { id: true, title: true, purpose: true, private: true },
		orderBy: [{ order: 'asc' }, { id: 'asc' }]
	});
	const open = items.filter((item) => !item.private);
	const publicItem = new Map(open.map((item, i) => [item.id, { ...item, number: i + 1 }]));
	const onPublicItem = { meetingId, agendaItemId: { in: [...publicItem.keys()] } };
	const [speakers, challenges, decisions, restricted] = await Promise.all([
		readSpeakers(meetingId),
		db().challenge.findMany({
			where: onPublicItem,
			include: { responses: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
		}),
		db().decision.findMany({
			where: onPublicItem,
			select: {
				agendaItemId: true,
				versions: {
					orderBy: { version: 'desc' },
					take: 1,
					select: { version: true, wording: true, outcome: true, recordedAt: true }
				}
			},
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
		}),
		restrictedTextOf([meetingId])
	]);
	const papers = new Map(
		(
			await db().evidenceItem.findMany({
				where: { id: { in: challenges.flatMap((c) => c.evidenceItemId ?? []) } },
				select: { id: true, title: true, ...PAPER_ACCESS }
			})
		).map((p) => [p.id, p])
	);
	const inProgress = meeting.status === 'IN_PROGRESS';
	const now = inProgress && meeting.currentItemId ? meeting.currentItemId : null;
	const current = now ? publicItem.get(now) : undefined;
	const privateSession = now !== null && current === undefined;
	const people = await peopleOf(
		db(),
		partnership.id,
		challenges.flatMap((c) => [
			c.raisedByMembershipId,
			...c.responses.flatMap((r) => r.respondedByMembershipId ?? [])
		])
	);
	const organisations = new Map(
		(
			await db().organisation.findMany({
				where: {
					partnershipId: partnership.id,
					id: { in: challenges.flatMap((c) => c.directedToOrganisationId ?? []) }
				},
				select: { id: true, name: true }
			})
		).map((o) => [o.id, o.name])
	);
	const speaker = (p: { name: string; organisationName: string }): GallerySpeaker => ({
		name: p.name,
		organisationName: p.organisationName
	});
	const person = (membershipId: string) => {
		const found = people.get(membershipId);
		return found ? speaker(found) : { name: 'A member', organisationName: '' };
	};
	const text = (value: string) => withholdRestricted(value, restricted);
	const paperOf = (id: string | null) => (id ? (papers.get(id) ?? null) : null);
	const onCurrent = <T extends { agendaItemId: string }>(turn: T | null) =>
		turn && current && turn.agendaItemId === current.id ? turn : null;
	return {
		partnership: { slug: partnership.slug, name: partnership.name },
		meeting: {
			id: meeting.id,
			title: meeting.title,
			body: heldBy(meeting.body.name, jointNames(meeting.jointBodies)),
			startsAt: meeting.startsAt.toISOString(),
			status: meeting.status,
			place: meeting.place
		},
		privateSession,
		current: current
			? {
					number: current.number,
					title: current.title,
					purpose: current.purpose,
					since: meeting.currentItemAt?.toISOString() ?? null
				}
			: null,
		speaking: onCurrent(speakers.speaking) && speaker(speakers.speaking!),
		queue: speakers.queue.filter((turn) => onCurrent(turn)).map(speaker),
		agenda: open.map((item, i) => ({
			number: i + 1,
			title: item.title,
			purpose: item.purpose,
			current: item.id === current?.id
		})),
		challenges: challenges.map((c) => ({
			id: c.id,
			itemTitle: publicItem.get(c.agendaItemId)?.title ?? '',
			kind: c.kind,
			raisedBy: person(c.raisedByMembershipId),
			directedTo: c.directedToOrganisationId
				? (organisations.get(c.directedToOrganisationId) ?? null)
				: null,
			paper: paperOf(c.evidenceItemId) && paperTitleFor(SHARED, paperOf(c.evidenceItemId)!),
			quote: text(quoteFor(SHARED, paperOf(c.evidenceItemId), c.quote)),
			text: text(c.text),
			at: c.createdAt.toISOString(),
			responses: c.responses.map((r) => ({
				by: r.respondedByMembershipId ? person(r.respondedByMembershipId) : null,
				text: text(r.text),
				status: r.status,
				at: r.createdAt.toISOString()
			}))
		})),
		decisions: decisions.flatMap((d) =>
			d.versions.map((v) => ({
				itemTitle: publicItem.get(d.agendaItemId)?.title ?? '',
				outcome: v.outcome,
				wording: text(v.wording),
				version: v.version,
				recordedAt: v.recordedAt.toISOString()
			}))
		)
	};
}

/** The gallery's view of a meeting held in public; NotFound unless its agenda has been issued. */
export function publicGallery(slug: string, meetingId: string): Promise<Snapshot<GalleryView>> {
	// The slug is part of the audience: a meeting asked for under another partnership's name is not found.
	return sharedSnapshot(meetingId, `public:${slug}`, () => composeGallery(slug, meetingId));
}

function fromEnv(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Followers one meeting's gallery may hold at once (across instances sharing Redis): a full hall. */
export const MAX_GALLERY_FOLLOWERS = fromEnv('GALLERY_FOLLOWERS', 2000);

export class GalleryFull extends DomainError {
	constructor() {
		super(
			503,
			'gallery_full',
			'The public gallery of this meeting is full. Try again in a few minutes, or read the record after the meeting.'
		);
	}
}

/** The gallery's event stream: its view whole when it opens and after every change. */
export async function followGallery(
	slug: string,
	meetingId: string,
	signal: AbortSignal
): Promise<Response> {
	await publicGallery(slug, meetingId);
	const place = await connectionCaps.use().take(`gallery:${meetingId}`, MAX_GALLERY_FOLLOWERS);
	if (place === null) throw new GalleryFull();
	return meetingEventStream(meetingId, signal, {
		place,
		snapshot: async () => (await publicGallery(slug, meetingId)).json
	});
}
