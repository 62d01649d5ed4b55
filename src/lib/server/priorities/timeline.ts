// A priority's timeline, written and read here. Appending: the event, the priority's status, holder and
// last-event time kept in step with it, and the audit event, all in the caller's transaction. Reading: the
// events oldest first, with the names they point at.
import { audit } from '../platform/index.ts';
import type { Tx } from '../platform/index.ts';
import type { PriorityRow } from '../access/index.ts';
import { statusAfter } from './flow.ts';
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { eventType, influence } from './trace-shapes.ts';

import type { NewEvent } from './new-event.ts';
import { tellForum } from './forum-loop.ts';

export type { NewEvent } from './new-event.ts';

export async function appendEvent(
	tx: Tx,
	actorUserId: string,
	priority: PriorityRow,
	event: NewEvent,
	at: Date,
	options: {
		/** Who holds it afterwards; unchanged unless given. */
		holderAfter?: string;
		/** More for the audit event, or false when the caller audits the whole command itself. */
		audit?: Record<string, unknown> | false;
	} = {}
) {
	const holderAfter = options.holderAfter ?? priority.currentBodyId;
	const row = await tx.priorityEvent.create({
		data: {
			priorityId: priority.id,
			type: event.type,
			byBodyId: event.byBodyId ?? null,
			toBodyId: event.toBodyId ?? null,
			agendaItemId: event.agendaItemId ?? null,
			decisionId: event.decisionId ?? null,
			actionId: event.actionId ?? null,
			leadOrganisationId: event.leadOrganisationId ?? null,
			influenceDeclared: event.influenceDeclared ?? null,
			influenceAchieved: event.influenceAchieved ?? null,
			hearBackBy: event.hearBackBy ?? null,
			reason: event.reason ?? '',
			recordedById: actorUserId,
			at
		}
	});
	// The forum's members hear of every step on their priority, in the workspace and by email as each
	// chose, in the step's transaction.
	const told = await tellForum(tx, actorUserId, priority, event, at);
	const updated = await tx.priority.update({
		where: { id: priority.id },
		data: {
			status: statusAfter(event.type, priority.status),
			currentBodyId: holderAfter,
			lastEventAt: at,
			...(event.type === 'ACCEPTED' ? { leadOrganisationId: event.leadOrganisationId } : {})
		}
	});
	if (options.audit !== false)
		await audit(tx, actorUserId, {
			action: 'event_recorded',
			entity: 'Priority',
			entityId: priority.id,
			partnershipId: priority.partnershipId,
			detail: {
				eventId: row.id,
				...event,
				hearBackBy: event.hearBackBy?.toISOString().slice(0, 10),
				before: priority.status,
				after: updated.status,
				forumTold: told.length,
				...options.audit
			}
		});
	return { event: row, priority: updated };
}

export const TimelineEvent = z.object({
	id: z.string(),
	type: eventType,
	at: z.iso.datetime(),
	recordedBy: z.object({ id: z.string(), name: z.string() }),
	byBody: z.object({ id: z.string(), name: z.string() }).nullable(),
	toBody: z.object({ id: z.string(), name: z.string() }).nullable(),
	agendaItemId: z.string().nullable(),
	decisionId: z.string().nullable(),
	actionId: z.string().nullable(),
	leadOrganisation: z.object({ id: z.string(), name: z.string() }).nullable(),
	influenceDeclared: influence.nullable(),
	influenceAchieved: influence.nullable(),
	hearBackBy: z.iso.date().nullable(),
	reason: z.string()
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/**
 * One priority's events, oldest first, with the names of who recorded them and the bodies and lead
 * partner they name (what the priority's page shows; the benchmark times it). Two queries.
 */
export async function priorityTimeline(actor: Actor, priorityId: string): Promise<TimelineEvent[]> {
	const priority = await db().priority.findUnique({
		where: { id: priorityId },
		select: {
			partnershipId: true,
			events: {
				orderBy: [{ at: 'asc' }, { id: 'asc' }],
				select: {
					id: true,
					type: true,
					at: true,
					recordedById: true,
					byBodyId: true,
					toBodyId: true,
					agendaItemId: true,
					decisionId: true,
					actionId: true,
					leadOrganisationId: true,
					influenceDeclared: true,
					influenceAchieved: true,
					hearBackBy: true,
					reason: true
				}
			}
		}
	});
	const member = priority
		? await db().membership.findFirst({
				where: { userId: actor.userId, partnershipId: priority.partnershipId },
				select: { id: true }
			})
		: null;
	if (!priority || !member) throw new NotFound('priority');
	const { events } = priority;
	const ids = (pick: (e: (typeof events)[number]) => string | null) => [
		...new Set(events.map(pick).filter((v): v is string => !!v))
	];
	const [users, bodies, organisations] = await Promise.all([
		db().user.findMany({
			where: { id: { in: ids((e) => e.recordedById) } },
			select: { id: true, name: true }
		}),
		db().body.findMany({
			where: { id: { in: ids((e) => e.byBodyId).concat(ids((e) => e.toBodyId)) } },
			select: { id: true, name: true }
		}),
		db().organisation.findMany({
			where: { id: { in: ids((e) => e.leadOrganisationId) } },
			select: { id: true, name: true }
		})
	]);
	const name = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
	const [user, body, organisation] = [name(users), name(bodies), name(organisations)];
	const ref = (map: Map<string, string>, id: string | null) =>
		id ? { id, name: map.get(id) ?? '' } : null;
	return events.map((e) => ({
		id: e.id,
		type: e.type,
		at: e.at.toISOString(),
		recordedBy: { id: e.recordedById, name: user.get(e.recordedById) ?? '' },
		byBody: ref(body, e.byBodyId),
		toBody: ref(body, e.toBodyId),
		agendaItemId: e.agendaItemId,
		decisionId: e.decisionId,
		actionId: e.actionId,
		leadOrganisation: ref(organisation, e.leadOrganisationId),
		influenceDeclared: e.influenceDeclared,
		influenceAchieved: e.influenceAchieved,
		hearBackBy: e.hearBackBy?.toISOString().slice(0, 10) ?? null,
		reason: e.reason
	}));
}
