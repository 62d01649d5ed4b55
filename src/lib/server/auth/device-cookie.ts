// The "known device" cookie: set after a successful sign-in, it lets that browser's later attempts on the
// same account be counted apart from everyone else's (rate-limit.ts), so a stranger's failures cannot lock
// the owner out. It names the account and a random nonce, signed with a key kept in the database, so every
// instance signs and checks with the same one; it grants nothing by itself (the password is still needed)
// and is only honoured for the account it names.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { serverSecret } from '../platform/index.ts';
import { randomSecret } from './secrets.ts';

export const DEVICE_COOKIE = 'device';
/** A year: long enough that the owner's usual browser stays known between board cycles. */
export const DEVICE_COOKIE_DAYS = 365;
const KEY_NAME = 'device-cookie';

async function sign(userId: string, nonce: string): Promise<string> {
	return createHmac('sha256', await serverSecret(KEY_NAME))
		.update(`device.v1.${userId}.${nonce}`)
		.digest('base64url');
}

/** A new cookie value for a browser that has just signed in to this account. */
export async function issueDeviceCookie(userId: string): Promise<string> {
	const nonce = randomSecret();
	return `${userId}.${nonce}.${await sign(userId, nonce)}`;
}

/** The cookie's nonce when it is genuine and names this account; null otherwise. */
export async function knownDevice(
	cookie: string | undefined,
	userId: string
): Promise<string | null> {
	const parts = cookie?.split('.');
	if (!parts || parts.length !== 3) return null;
	const [forUser, nonce, signature] = parts;
	if (forUser !== userId || !/^[a-z0-9]{1,64}$/.test(nonce)) return null;
	const expected = Buffer.from(await sign(userId, nonce));
	const given = Buffer.from(signature);
	return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
