// What every concept needs to write email: the address people reach the site at (ORIGIN, or what the
// start-up learns when it listens), and queuing the account and security email (invitations, password
// changes) that is always sent at once, whatever the person's preferences, so auth/ and structure/ can
// queue it in their own transactions. notify/ queues everything else, by preference, and sends it all.
import { loadConfig } from './config.ts';
import type { Tx } from './db.ts';

let learned: string | undefined;

export function setSiteOrigin(origin: string): void {
	learned = origin.replace(/\/$/, '');
}

export function siteOrigin(): string {
	return (loadConfig().origin ?? learned ?? 'http://localhost:3000').replace(/\/$/, '');
}

/**
 * In the command's transaction: one email about a person's account, sent at once. `private` keeps its text
 * out of the admins' outbox (it holds a secret link).
 */
export async function queueAccountMail(
	tx: Tx,
	mail: {
		kind: 'invitation' | 'password_changed' | 'resident_confirm' | 'resident_outcome';
		to: string;
		userId: string | null;
		partnershipId: string | null;
		subject: string;
		text: string;
		private?: boolean;
	}
): Promise<void> {
	await tx.outboundMail.create({
		data: {
			kind: mail.kind,
			to: mail.to,
			userId: mail.userId,
			partnershipId: mail.partnershipId,
			subject: mail.subject,
			text: mail.text,
			namesRestricted: mail.private ?? false,
			status: 'QUEUED'
		}
	});
}
