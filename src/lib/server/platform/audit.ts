// The audit trail: every write appends an event in the same transaction, so the trail and the records
// can never disagree. Events are only ever inserted.
import type { Tx } from './db.ts';
import { now } from './clock.ts';

export interface AuditEntry {
	action: string;
	entity: string;
	entityId: string;
	partnershipId?: string | null;
	detail?: Record<string, unknown>;
}

export async function audit(tx: Tx, actorUserId: string | null, entry: AuditEntry): Promise<void> {
	await tx.auditEvent.create({
		data: {
			actorUserId,
			partnershipId: entry.partnershipId ?? null,
			action: entry.action,
			entity: entry.entity,
			entityId: entry.entityId,
			detail: JSON.stringify(entry.detail ?? {}),
			at: now()
		}
	});
}
