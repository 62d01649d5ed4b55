// The "known device" cookie: set after a successful sign-in, it lets that browser's later attempts on the
// same account be counted apart from everyone else's (rate-limit.ts), so a stranger's failures cannot lock
// the owner out. It names the account and a random nonce, signed with a key kept in the data folder; it
// grants nothing by itself (the password is still needed) and is only honoured for the account it names.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../platform/index.ts';
import { randomSecret } from './secrets.ts';

export const DEVICE_COOKIE = 'device';
/** A year: long enough that the owner's usual browser stays known between board cycles. */
export const DEVICE_COOKIE_DAYS = 365;
const KEY_FILE = 'device-cookie.key';

let key: Buffer | undefined;

/** The signing key: made once per data folder, so cookies survive restarts (and a copy of the folder). */
function signingKey(): Buffer {
	if (key) return key;
	const { dataDir } = loadConfig();
	const path = join(dataDir, KEY_FILE);
	try {
		key = readFileSync(path);
	} catch {
		mkdirSync(dataDir, { recursive: true });
		try {
			writeFileSync(path, randomBytes(32), { mode: 0o600, flag: 'wx' });
		} catch (error) {
			// Another process made it first: use theirs.
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		key = readFileSync(path);
	}
	return key;
}

function sign(userId: string, nonce: string): string {
	return createHmac('sha256', signingKey())
		.update(`device.v1.${userId}.${nonce}`)
		.digest('base64url');
}

/** A new cookie value for a browser that has just signed in to this account. */
export function issueDeviceCookie(userId: string): string {
	const nonce = randomSecret();
	return `${userId}.${nonce}.${sign(userId, nonce)}`;
}

/** The cookie's nonce when it is genuine and names this account; null otherwise. */
export function knownDevice(cookie: string | undefined, userId: string): string | null {
	const parts = cookie?.split('.');
	if (!parts || parts.length !== 3) return null;
	const [forUser, nonce, signature] = parts;
	if (forUser !== userId || !/^[a-z0-9]{1,64}$/.test(nonce)) return null;
	const expected = Buffer.from(sign(userId, nonce));
	const given = Buffer.from(signature);
	return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
