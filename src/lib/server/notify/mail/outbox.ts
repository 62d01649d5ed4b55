// The partnership's outbox, for its admins: every email queued for its members, with its status (kept in the
// outbox when there is no SMTP_URL, queued, sent, failed after its retries, waiting for a digest). A message
// naming restricted papers is composed for its recipient alone: its text is shown to them only, never here.
// Residents have no account (their confirmation and outcome emails come through here too): their addresses
// are personal data the admin has no need of, so they are masked; members' addresses are shown. A message
// that failed after all its retries stays failed until an admin sends it again by hand.
import { z } from 'zod';
import { canManageStructure, demand, partnershipContext, type Actor } from '../../access/index.ts';
import { audit, Conflict, db, NotFound, now, transaction } from '../../platform/index.ts';

export const OutboxMessageView = z.object({
	id: z.string(),
	to: z.string(),
	subject: z.string(),
	kind: z.string(),
	status: z.enum(['QUEUED', 'SENT', 'FAILED', 'OUTBOX', 'DIGEST', 'DIGESTED']),
	/** Null when the message names restricted papers its recipient may see, or holds a secret link. */
	text: z.string().nullable(),
	hasCalendarInvite: z.boolean(),
	attempts: z.number().int(),
	lastError: z.string().nullable(),
	createdAt: z.iso.datetime(),
	sentAt: z.iso.datetime().nullable()
});
export type OutboxMessageView = z.infer<typeof OutboxMessageView>;

const LIMIT = 200;

/** Emails to residents (kinds resident_*), who have no account with the partnership. */
const toResident = (kind: string) => kind.startsWith('resident_');

/** "jane@example.org" as "j•••@example.org": enough to tell messages apart, not to write to. */
export function maskAddress(address: string): string {
	const at = address.lastIndexOf('@');
	if (at < 1) return '•••';
	return `${address[0]}•••${address.slice(at)}`;
}

export async function listOutbox(actor: Actor, slug: string): Promise<OutboxMessageView[]> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx), 'Only the partnership’s admins read its outbox.');
	const rows = await db().outboundMail.findMany({
		where: { partnershipId: ctx.partnership.id },
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		take: LIMIT
	});
	return rows.map(messageView);
}

type MailRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>['outboundMail']['findFirst']>>>;

function messageView(row: MailRow): OutboxMessageView {
	return {
		id: row.id,
		to: toResident(row.kind) ? maskAddress(row.to) : row.to,
		subject: row.subject,
		kind: row.kind,
		status: row.status,
		text: row.namesRestricted ? null : row.text,
		hasCalendarInvite: !!row.ics,
		attempts: row.attempts,
		lastError: row.lastError,
		createdAt: row.createdAt.toISOString(),
		sentAt: row.sentAt?.toISOString() ?? null
	};
}

/**
 * Sends a failed message again: its attempts start over and the sender loop takes it on its next pass.
 * Only a partnership's admins, and only a message that has failed (anything else answers 409).
 */
export async function retryMail(
	actor: Actor,
	slug: string,
	mailId: string
): Promise<OutboxMessageView> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx), 'Only the partnership’s admins send failed email again.');
	return transaction(async (tx) => {
		const row = await tx.outboundMail.findFirst({
			where: { id: mailId, partnershipId: ctx.partnership.id }
		});
		if (!row) throw new NotFound('email');
		// Claimed only while still failed, so two admins pressing at once send it once.
		const { count } = await tx.outboundMail.updateMany({
			where: { id: row.id, status: 'FAILED' },
			data: { status: 'QUEUED', attempts: 0, nextAttemptAt: now() }
		});
		if (!count)
			throw new Conflict(
				`Only an email that failed can be sent again; this one is ${STATUS_WORDS[row.status] ?? row.status}.`
			);
		await audit(tx, actor.userId, {
			action: 'mail_retried',
			entity: 'OutboundMail',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { to: row.to, subject: row.subject, attempts: row.attempts, lastError: row.lastError }
		});
		return messageView(await tx.outboundMail.findUniqueOrThrow({ where: { id: row.id } }));
	});
}

const STATUS_WORDS: Record<string, string> = {
	QUEUED: 'queued to send',
	SENT: 'sent',
	OUTBOX: 'kept in the outbox (no mail server is set)',
	DIGEST: 'waiting for the daily digest',
	DIGESTED: 'sent in a daily digest'
};
