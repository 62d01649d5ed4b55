// The audit trail: every write appends an event in the same transaction, so the trail and the records
// can never disagree. Events are only ever inserted.
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { Tx } from './db.ts';
import { now } from './clock.ts';

export interface AuditEntry {
	action: string;
	entity: string;
	entityId: string;
	partnershipId?: string | null;
	detail?: Record<string, unknown>;
}

/** The detail as JSON stores it (dates as ISO text, nothing undefined): what a reader gets back. */
function asJson(detail: Record<string, unknown>): Prisma.InputJsonObject {
	return JSON.parse(JSON.stringify(detail)) as Prisma.InputJsonObject;
}

export async function audit(tx: Tx, actorUserId: string | null, entry: AuditEntry): Promise<void> {
	await tx.auditEvent.create({
		data: {
			actorUserId,
			partnershipId: entry.partnershipId ?? null,
			action: entry.action,
			entity: entry.entity,
			entityId: entry.entityId,
			detail: asJson(entry.detail ?? {}),
			at: now()
		}
	});
}
