// Queuing email in the transaction of the command that causes it: if the command is undone, so is its mail;
// if it commits, the mail is stored and the sender loop delivers it later. Nothing here talks to SMTP, so a
// mail server that is down or slow never blocks or fails a command.
import type { Tx } from '../../platform/index.ts';
import { ALWAYS_AT_ONCE, type MailKind, type MailMode } from './kinds.ts';
import { siteOrigin } from './origin.ts';

export interface MailToPerson {
	userId: string;
	subject: string;
	/** Plain text; site paths written as `/p/...` are given as full addresses by `siteLink`. */
	text: string;
	html?: string;
	ics?: { method: 'REQUEST' | 'CANCEL'; content: string };
	/** The text names restricted papers this person may see. */
	namesRestricted?: boolean;
}

/** A full address of a path on this site. */
export function siteLink(path: string): string {
	return `${siteOrigin()}${path}`;
}

/** Each person's choice for the kind (at once when they have made none; security kinds always at once). */
export async function modesFor(
	tx: Tx,
	userIds: string[],
	kind: MailKind
): Promise<Map<string, MailMode>> {
	const modes = new Map<string, MailMode>(userIds.map((id) => [id, 'IMMEDIATE']));
	if (ALWAYS_AT_ONCE.has(kind) || !userIds.length) return modes;
	const rows = await tx.mailPreference.findMany({
		where: { kind, userId: { in: userIds } },
		select: { userId: true, mode: true }
	});
	for (const row of rows) modes.set(row.userId, row.mode);
	return modes;
}

/**
 * Queues one email per message for people whose preference for the kind is not off: at once (QUEUED), or
 * kept for their daily digest (DIGEST). Answers how many were queued.
 */
export async function enqueueMail(
	tx: Tx,
	kind: MailKind,
	partnershipId: string | null,
	messages: MailToPerson[]
): Promise<number> {
	if (!messages.length) return 0;
	const userIds = [...new Set(messages.map((m) => m.userId))];
	const [modes, users] = await Promise.all([
		modesFor(tx, userIds, kind),
		tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })
	]);
	const emails = new Map(users.map((u) => [u.id, u.email]));
	const data = messages.flatMap((message) => {
		const mode = modes.get(message.userId);
		const to = emails.get(message.userId);
		if (!to || mode === 'OFF') return [];
		return [
			{
				partnershipId,
				userId: message.userId,
				to,
				subject: message.subject,
				text: message.text,
				html: message.html ?? null,
				ics: message.ics?.content ?? null,
				icsMethod: message.ics?.method ?? null,
				namesRestricted: message.namesRestricted ?? false,
				kind,
				status: mode === 'DIGEST' ? ('DIGEST' as const) : ('QUEUED' as const)
			}
		];
	});
	if (data.length) await tx.outboundMail.createMany({ data });
	return data.length;
}

/**
 * The email beside an in-app notification: the same message and link for each person, for the composers
 * whose notification says all there is to say.
 */
export async function mailAlongside(
	tx: Tx,
	kind: MailKind,
	partnershipId: string,
	userIds: string[],
	subject: string,
	message: string,
	link: string
): Promise<number> {
	const text = `${message}.\n\nOpen it in the workspace: ${siteLink(link)}\n`;
	return enqueueMail(
		tx,
		kind,
		partnershipId,
		[...new Set(userIds)].map((userId) => ({ userId, subject, text }))
	);
}
