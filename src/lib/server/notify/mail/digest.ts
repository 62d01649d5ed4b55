// The daily digest: the messages people chose to get once a day (status DIGEST) gathered into one email per
// person, sent each day from 07:00 UK time (the first pass after it). Each gathered message is marked
// DIGESTED with the digest's id in the same transaction as the digest is queued, so none is sent twice.
import { db, now, transaction } from '../../platform/index.ts';
import { formatDay } from '../../../dates.ts';
import { siteLink } from './queue.ts';

const DIGEST_HOUR = 7;
const UK_HOUR = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	hour: '2-digit',
	hourCycle: 'h23'
});
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

let lastRun: Date | undefined;

export async function digestDue(at = now()): Promise<boolean> {
	if (Number(UK_HOUR.format(at)) < DIGEST_HOUR) return false;
	return !lastRun || UK_DAY.format(lastRun) !== UK_DAY.format(at);
}

/** Queues one digest for each person with messages waiting. Answers how many digests were queued. */
export async function sendDigests(): Promise<number> {
	const at = now();
	lastRun = at;
	const waiting = await db().outboundMail.findMany({
		where: { status: 'DIGEST' },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		select: { id: true, userId: true, to: true, subject: true, text: true, partnershipId: true }
	});
	const byPerson = new Map<string, typeof waiting>();
	for (const row of waiting) {
		const key = row.userId ?? row.to;
		byPerson.set(key, [...(byPerson.get(key) ?? []), row]);
	}
	let queued = 0;
	for (const rows of byPerson.values()) {
		const first = rows[0];
		const text =
			`Your daily digest from the partnership workspace: ${rows.length} ${rows.length === 1 ? 'message' : 'messages'}.\n\n` +
			rows.map((row, i) => `${i + 1}. ${row.subject}\n\n${row.text.trim()}\n`).join('\n') +
			`\nChoose what you get, and how often, on your settings page: ${siteLink('/settings#email')}\n`;
		await transaction(async (tx) => {
			const digest = await tx.outboundMail.create({
				data: {
					partnershipId: rows.every((r) => r.partnershipId === first.partnershipId)
						? first.partnershipId
						: null,
					userId: first.userId,
					to: first.to,
					subject: `Your daily digest for ${formatDay(at)}`,
					text,
					kind: 'digest',
					status: 'QUEUED'
				}
			});
			const { count } = await tx.outboundMail.updateMany({
				where: { id: { in: rows.map((r) => r.id) }, status: 'DIGEST' },
				data: { status: 'DIGESTED', digestId: digest.id }
			});
			// Another instance gathered them first: this digest is not wanted.
			if (count !== rows.length) throw new DigestRace();
		}).then(
			() => queued++,
			(error) => {
				if (!(error instanceof DigestRace)) throw error;
			}
		);
	}
	return queued;
}

class DigestRace extends Error {}
