// The sender loop: started once by the production start-up, stopped at shutdown. Every few seconds it takes
// the queued mail that is due and delivers it through SMTP_URL; a failure is recorded and retried with
// exponential back-off (the wait doubles from MAIL_RETRY_BASE_MS, up to a day) until MAX_ATTEMPTS, then the
// message is FAILED and stays listed in the outbox. Without SMTP_URL, queued mail moves to the outbox and the
// log names its recipient and subject: nothing is lost, nothing is sent by accident.
// A message is claimed (its next attempt moved on) before it is sent, so two instances never send it twice.
import nodemailer, { type Transporter } from 'nodemailer';
import { db, loadConfig, log, now } from '../../platform/index.ts';
import type { MailKind } from './kinds.ts';
import { ALWAYS_AT_ONCE } from './kinds.ts';
import { siteHost } from './origin.ts';
import { siteLink } from './queue.ts';
import { sendDigests, digestDue } from './digest.ts';
import { actionDueDue, sendActionDue } from './action-due.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

export const MAX_ATTEMPTS = 8;
const BATCH = 20;
/** How long a claimed message is held before another instance may try it (a crashed sender's lease). */
const LEASE_MS = 5 * 60_000;
const LONGEST_WAIT_MS = 24 * 60 * 60_000;

export function backoffMs(attempts: number, baseMs: number): number {
	return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

export interface MailSender {
	/** One pass: the day's "action due" email and digests when due, then mail due. Answers how many messages were delivered or put in the outbox. */
	tick(): Promise<number>;
	stop(): Promise<void>;
}

type Row = {
	id: string;
	userId: string | null;
	to: string;
	subject: string;
	text: string;
	html: string | null;
	ics: string | null;
	icsMethod: string | null;
	kind: string;
	attempts: number;
};

async function unsubscribeParts(row: Row) {
	if (!row.userId || row.kind === 'digest' || ALWAYS_AT_ONCE.has(row.kind as MailKind)) return null;
	const token = await unsubscribeToken(row.userId, row.kind as MailKind);
	return { url: siteLink(`/unsubscribe/${token}`) };
}

async function deliver(transport: Transporter, from: string, row: Row): Promise<void> {
	const unsubscribe = await unsubscribeParts(row);
	const text = unsubscribe
		? `${row.text}\n--\nStop these emails (this kind only): ${unsubscribe.url}\nOr choose what you get on your settings page: ${siteLink('/settings#email')}\n`
		: row.text;
	await transport.sendMail({
		from,
		to: row.to,
		subject: row.subject,
		text,
		...(row.html ? { html: row.html } : {}),
		...(row.ics
			? {
					icalEvent: {
						method: row.icsMethod ?? 'REQUEST',
						filename: 'invite.ics',
						content: row.ics
					}
				}
			: {}),
		headers: unsubscribe
			? {
					'List-Unsubscribe': `<${unsubscribe.url}>`,
					'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
				}
			: {}
	});
}

/** Claims up to BATCH queued messages that are due, pushing their next attempt past the lease. */
async function claim(): Promise<Row[]> {
	const at = now();
	const due = await db().outboundMail.findMany({
		where: { status: 'QUEUED', nextAttemptAt: { lte: at } },
		orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
		take: BATCH
	});
	const claimed: Row[] = [];
	for (const row of due) {
		const { count } = await db().outboundMail.updateMany({
			where: { id: row.id, status: 'QUEUED', attempts: row.attempts },
			data: { attempts: row.attempts + 1, nextAttemptAt: new Date(at.getTime() + LEASE_MS) }
		});
		if (count) claimed.push({ ...row, attempts: row.attempts + 1 });
	}
	return claimed;
}

async function toOutbox(): Promise<number> {
	const rows = await db().outboundMail.findMany({
		where: { status: 'QUEUED' },
		select: { id: true, to: true, subject: true, kind: true },
		take: 200
	});
	for (const row of rows) {
		const { count } = await db().outboundMail.updateMany({
			where: { id: row.id, status: 'QUEUED' },
			data: { status: 'OUTBOX' }
		});
		if (count)
			log.info(
				{ mail: row.id, to: row.to, subject: row.subject, kind: row.kind },
				'mail: kept in the outbox (no SMTP_URL)'
			);
	}
	return rows.length;
}

export function startMailSender(): MailSender {
	const config = loadConfig();
	const from = config.mailFrom ?? `Partnership workspace <no-reply@${siteHost()}>`;
	const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
	let stopped = false;
	let running: Promise<number> | null = null;

	async function pass(): Promise<number> {
		if (await actionDueDue()) await sendActionDue();
		if (await digestDue()) await sendDigests();
		if (!transport) return toOutbox();
		let done = 0;
		for (const row of await claim()) {
			if (stopped) break;
			try {
				await deliver(transport, from, row);
				await db().outboundMail.update({
					where: { id: row.id },
					data: { status: 'SENT', sentAt: now(), lastError: null }
				});
				done++;
			} catch (error) {
				const failed = row.attempts >= MAX_ATTEMPTS;
				const wait = backoffMs(row.attempts, config.mailRetryBaseMs);
				await db().outboundMail.update({
					where: { id: row.id },
					data: {
						status: failed ? 'FAILED' : 'QUEUED',
						lastError: String((error as Error).message ?? error).slice(0, 500),
						nextAttemptAt: new Date(now().getTime() + wait)
					}
				});
				log.warn(
					{ mail: row.id, to: row.to, attempts: row.attempts, err: error },
					failed ? 'mail: gave up' : 'mail: will retry'
				);
			}
		}
		return done;
	}

	function tick(): Promise<number> {
		running ??= pass()
			.catch((error) => {
				log.error({ err: error }, 'mail: the sender loop failed');
				return 0;
			})
			.finally(() => {
				running = null;
			});
		return running;
	}

	const timer = setInterval(() => void tick(), config.mailPollMs);
	timer.unref();
	log.info(
		transport ? 'mail: sending through SMTP_URL' : 'mail: no SMTP_URL, email is kept in the outbox'
	);
	return {
		tick,
		async stop() {
			stopped = true;
			clearInterval(timer);
			await running;
			transport?.close();
		}
	};
}
