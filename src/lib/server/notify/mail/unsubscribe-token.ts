// One-click unsubscribe links: a person and a kind, signed with a secret the service keeps (HMAC-SHA-256), so
// a link cannot be made for anyone else or another kind. No expiry: an old email's link still works.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { serverSecret } from '../../platform/index.ts';
import { MAIL_KINDS, type MailKind } from './kinds.ts';

const SECRET = 'mail-unsubscribe';
const ID = /^[a-z0-9]{1,64}$/i;

async function sign(userId: string, kind: string): Promise<string> {
	const key = await serverSecret(SECRET);
	return createHmac('sha256', key).update(`${userId}.${kind}`).digest('base64url');
}

export async function unsubscribeToken(userId: string, kind: MailKind): Promise<string> {
	return `${userId}.${kind}.${await sign(userId, kind)}`;
}

/** The person and kind a token names, or null if it is not one we signed. */
export async function readUnsubscribeToken(
	token: string
): Promise<{ userId: string; kind: MailKind } | null> {
	const [userId, kind, signature, ...rest] = token.split('.');
	if (rest.length || !userId || !kind || !signature || !ID.test(userId)) return null;
	if (!(MAIL_KINDS as readonly string[]).includes(kind)) return null;
	const expected = Buffer.from(await sign(userId, kind));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	return { userId, kind: kind as MailKind };
}
