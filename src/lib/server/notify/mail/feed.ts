// Each person's private calendar feed: a secret address serving the meetings of the bodies they sit on as
// text/calendar, for a calendar program to subscribe to. Only a SHA-256 of the secret is stored, so the
// address is shown once, when it is made; making a new one replaces the old, which stops working at once.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../access/index.ts';
import { randomSecret } from '../../auth/index.ts';
import { audit, db, NotFound, now, transaction } from '../../platform/index.ts';
import { calendar } from './ics.ts';
import { siteHost } from './origin.ts';
import { siteLink } from './queue.ts';

export const CalendarFeedView = z.object({
	/** When the current address was made; null when there is none. */
	createdAt: z.iso.datetime().nullable()
});
export const NewCalendarFeedView = z.object({
	/** The feed's address: shown this once, never stored. */
	url: z.url(),
	createdAt: z.iso.datetime()
});

const TOKEN = /^[a-z0-9]{16,64}$/;
const hash = (token: string) => new Uint8Array(createHash('sha256').update(token).digest());
/** Meetings from this long ago onwards are in the feed. */
const PAST_DAYS = 92;

export async function getCalendarFeed(actor: Actor): Promise<z.infer<typeof CalendarFeedView>> {
	const row = await db().calendarFeed.findUnique({ where: { userId: actor.userId } });
	return { createdAt: row?.createdAt.toISOString() ?? null };
}

/** Makes the actor a new feed address, revoking the one they had. */
export async function newCalendarFeed(actor: Actor): Promise<z.infer<typeof NewCalendarFeedView>> {
	const token = randomSecret() + randomSecret();
	const createdAt = now();
	await transaction(async (tx) => {
		const replaced = await tx.calendarFeed.deleteMany({ where: { userId: actor.userId } });
		await tx.calendarFeed.create({
			data: { userId: actor.userId, tokenHash: hash(token), createdAt }
		});
		await audit(tx, actor.userId, {
			action: replaced.count ? 'calendar_feed_replaced' : 'calendar_feed_created',
			entity: 'User',
			entityId: actor.userId
		});
	});
	return { url: siteLink(`/calendar/${token}.ics`), createdAt: createdAt.toISOString() };
}

/** The feed at a secret address: the meetings of the bodies its person sits on now. NotFound otherwise. */
export async function calendarFeedText(token: string): Promise<string> {
	if (!TOKEN.test(token)) throw new NotFound('calendar_feed');
	const feed = await db().calendarFeed.findUnique({ where: { tokenHash: hash(token) } });
	if (!feed) throw new NotFound('calendar_feed');
	const at = now();
	const seats = await db().bodySeat.findMany({
		where: { endedAt: null, membership: { userId: feed.userId } },
		select: { bodyId: true }
	});
	const bodyIds = [...new Set(seats.map((s) => s.bodyId))];
	const meetings = await db().meeting.findMany({
		where: {
			// The person's bodies' meetings, those they hold jointly with another body included.
			OR: [{ bodyId: { in: bodyIds } }, { jointBodies: { some: { bodyId: { in: bodyIds } } } }],
			status: { not: 'DRAFT' },
			// A meeting called off before anyone was invited was never in anyone's calendar.
			NOT: { status: 'CANCELLED', agendaIssuedAt: null },
			startsAt: { gte: new Date(at.getTime() - PAST_DAYS * 86_400_000) }
		},
		orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
		select: {
			id: true,
			title: true,
			startsAt: true,
			durationMinutes: true,
			place: true,
			onlineLink: true,
			status: true,
			body: { select: { name: true } },
			partnership: { select: { slug: true } }
		}
	});
	const sent = await db().meetingCalendar.findMany({
		where: { meetingId: { in: meetings.map((m) => m.id) } }
	});
	const sequence = new Map(sent.map((row) => [row.meetingId, row]));
	return calendar(
		'PUBLISH',
		meetings.map((m) => {
			const link = siteLink(`/p/${m.partnership.slug}/meetings/${m.id}`);
			return {
				id: m.id,
				title: `${m.title} (${m.body.name})`,
				startsAt: m.startsAt,
				durationMinutes: m.durationMinutes,
				place: m.place,
				onlineLink: m.onlineLink,
				url: link,
				description: `The agenda and papers: ${link}`,
				sequence: sequence.get(m.id)?.sequence ?? 0,
				cancelled: m.status === 'CANCELLED' || (sequence.get(m.id)?.cancelled ?? false)
			};
		}),
		siteHost(),
		at,
		'Partnership meetings'
	);
}
