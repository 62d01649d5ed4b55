// Appending to a priority's timeline: the event, the priority's status, holder and last-event time kept in
// step with it, and the audit event, all in the caller's transaction.
import { audit } from '../platform/index.ts';
import type { Tx } from '../platform/index.ts';
import type { PriorityRow } from '../access/index.ts';
import { statusAfter } from './flow.ts';
import type { InfluenceLevel, PriorityEventType } from '../../vocabulary.ts';

export interface NewEvent {
	type: PriorityEventType;
	byBodyId?: string | null;
	toBodyId?: string | null;
	agendaItemId?: string | null;
	decisionId?: string | null;
	actionId?: string | null;
	leadOrganisationId?: string | null;
	influenceDeclared?: InfluenceLevel | null;
	influenceAchieved?: InfluenceLevel | null;
	reason?: string;
}

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
			reason: event.reason ?? '',
			recordedById: actorUserId,
			at
		}
	});
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
				before: priority.status,
				after: updated.status,
				...options.audit
			}
		});
	return { event: row, priority: updated };
}
