// Residents' voice on a forum's public page: a resident who does not sit on the forum supports a priority
// the page shows, or comments on a published response, with an email address and, by their choice, a first
// name and an area (the only things ever published). Nothing counts until the emailed one-time link is
// opened and confirmed (no account is made). Limits against floods: one support per address and priority,
// a few comments per address a day, and a few unconfirmed requests per network an hour (429). Moderation
// of comments is in residents-moderation.ts, confirming in residents-confirm.ts, what is shown in
// residents-voice.ts.
import { createHash, randomBytes } from 'node:crypto';
import {
	NotFound,
	RateLimited,
	audit,
	db,
	now,
	parse,
	queueAccountMail,
	siteOrigin,
	transaction,
	type Tx
} from '../platform/index.ts';
import { getPublicForum } from './public-forum.ts';
import { CommentInput, SupportInput, networkOf } from './residents-input.ts';

/** How long an emailed link works. */
export const LINK_HOURS = 48;
/** Unconfirmed requests (supports and comments together) allowed from one network in an hour. */
export const NETWORK_LIMIT_PER_HOUR = 5;
/** Comments allowed from one address in a day, confirmed or not. */
export const COMMENTS_PER_ADDRESS_PER_DAY = 3;

const HOUR = 3600_000;

function newToken(): { token: string; tokenHash: string } {
	const token = randomBytes(32).toString('base64url');
	return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

async function checkNetwork(tx: Tx, network: string): Promise<void> {
	const since = new Date(now().getTime() - HOUR);
	const where = { network, confirmedAt: null, createdAt: { gt: since } };
	const [supports, comments] = await Promise.all([
		tx.residentSupport.count({ where }),
		tx.residentComment.count({ where })
	]);
	if (supports + comments >= NETWORK_LIMIT_PER_HOUR) throw new RateLimited(3600);
}

/** The forum page's shown priorities and responses, or NotFound. */
async function shown(slug: string, bodyId: string) {
	const forum = await getPublicForum(slug, bodyId);
	const partnership = await db().partnership.findUniqueOrThrow({
		where: { slug },
		select: { id: true }
	});
	return { forum, partnershipId: partnership.id };
}

function confirmLink(token: string): string {
	return `${siteOrigin()}/residents/confirm/${token}`;
}

/** The one-time link a resident confirms by, queued in the request's transaction (kept out of the outbox). */
function mailConfirmation(
	tx: Tx,
	partnershipId: string,
	to: string,
	token: string,
	words: { subject: string; asked: string; after: string }
) {
	return queueAccountMail(tx, {
		kind: 'resident_confirm',
		to,
		userId: null,
		partnershipId,
		subject: words.subject,
		text:
			`${words.asked}\n\n` +
			`To confirm, open this link within ${LINK_HOURS} hours and press Confirm:\n${confirmLink(token)}\n\n` +
			`${words.after}\n`,
		private: true
	});
}

/** A resident's support for a priority the forum's public page shows: queues the confirmation email. */
export async function requestSupport(
	slug: string,
	bodyId: string,
	priorityId: string,
	input: unknown,
	address: string
): Promise<{ message: string }> {
	const data = parse(SupportInput, input);
	const { forum, partnershipId } = await shown(slug, bodyId);
	const title =
		forum.responses.find((r) => r.priorityId === priorityId)?.title ??
		forum.overdue.find((o) => o.priorityId === priorityId)?.title;
	if (!title) throw new NotFound('priority');
	const network = networkOf(address);
	return transaction(async (tx) => {
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${network}))`;
		const existing = await tx.residentSupport.findUnique({
			where: { priorityId_email: { priorityId, email: data.email } },
			select: { id: true, confirmedAt: true, expiresAt: true }
		});
		if (existing && (existing.confirmedAt || existing.expiresAt > now()))
			throw new RateLimited(LINK_HOURS * 3600);
		await checkNetwork(tx, network);
		if (existing) await tx.residentSupport.delete({ where: { id: existing.id } });
		const { token, tokenHash } = newToken();
		const support = await tx.residentSupport.create({
			data: {
				partnershipId,
				priorityId,
				email: data.email,
				firstName: data.firstName,
				area: data.area,
				tokenHash,
				expiresAt: new Date(now().getTime() + LINK_HOURS * HOUR),
				network
			},
			select: { id: true }
		});
		await mailConfirmation(tx, partnershipId, data.email, token, {
			subject: `Confirm your support: ${title}`,
			asked: `You asked to support “${title}” on the ${forum.name} page.`,
			after: 'If this was not you, ignore this email: nothing will be counted.'
		});
		await audit(tx, null, {
			partnershipId,
			action: 'resident.support_requested',
			entity: 'ResidentSupport',
			entityId: support.id,
			detail: { priorityId }
		});
		return { message: 'Check your email: your support counts once you open the link in it.' };
	});
}

/** A resident's comment on a published response on the forum's public page: queues the confirmation. */
export async function requestComment(
	slug: string,
	bodyId: string,
	feedbackId: string,
	input: unknown,
	address: string
): Promise<{ message: string }> {
	const data = parse(CommentInput, input);
	const { forum, partnershipId } = await shown(slug, bodyId);
	const response = forum.responses.find((r) => r.id === feedbackId);
	if (!response) throw new NotFound('response');
	const network = networkOf(address);
	return transaction(async (tx) => {
		await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${network}))`;
		const today = await tx.residentComment.count({
			where: { email: data.email, createdAt: { gt: new Date(now().getTime() - 24 * HOUR) } }
		});
		if (today >= COMMENTS_PER_ADDRESS_PER_DAY) throw new RateLimited(24 * 3600);
		await checkNetwork(tx, network);
		const { token, tokenHash } = newToken();
		const comment = await tx.residentComment.create({
			data: {
				partnershipId,
				feedbackId,
				priorityId: response.priorityId,
				email: data.email,
				firstName: data.firstName,
				area: data.area,
				text: data.text,
				tokenHash,
				expiresAt: new Date(now().getTime() + LINK_HOURS * HOUR),
				network
			},
			select: { id: true }
		});
		await mailConfirmation(tx, partnershipId, data.email, token, {
			subject: `Confirm your comment: ${response.title}`,
			asked: `You wrote a comment on the response to “${response.title}” on the ${forum.name} page.`,
			after:
				"The forum's officers read each comment before it is shown. If this was not you, ignore this email."
		});
		await audit(tx, null, {
			partnershipId,
			action: 'resident.comment_requested',
			entity: 'ResidentComment',
			entityId: comment.id,
			detail: { feedbackId }
		});
		return {
			message:
				'Check your email: your comment goes to the forum’s officers once you open the link in it.'
		};
	});
}
