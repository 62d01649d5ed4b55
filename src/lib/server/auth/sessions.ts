// Browser sessions, the way Lucia's guide has them: a token `id.secret` in an httpOnly cookie, only the
// SHA-256 of the secret stored, compared in constant time, and an expiry that slides while in use.
import { db, type Tx } from '../platform/index.ts';
import { hashSecret, randomSecret, sameHash, splitToken } from './secrets.ts';

export const SESSION_COOKIE = 'session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 14 * DAY;
/** A session used with less than this left is extended to a full lifetime again. */
const RENEW_WITHIN_MS = 7 * DAY;

export interface SessionUser {
	id: string;
	email: string;
	name: string;
}

export interface ValidSession {
	id: string;
	expiresAt: Date;
	renewed: boolean;
	user: SessionUser;
}

export async function createSession(
	tx: Tx,
	userId: string
): Promise<{ token: string; expiresAt: Date }> {
	const id = randomSecret();
	const secret = randomSecret();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await tx.session.create({
		data: { id, userId, secretHash: Buffer.from(hashSecret(secret)), expiresAt }
	});
	return { token: `${id}.${secret}`, expiresAt };
}

export async function validateSessionToken(token: string): Promise<ValidSession | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const session = await db().session.findUnique({
		where: { id: parts.id },
		include: { user: { select: { id: true, email: true, name: true } } }
	});
	if (!session || !sameHash(hashSecret(parts.secret), new Uint8Array(session.secretHash)))
		return null;
	const now = Date.now();
	if (session.expiresAt.getTime() <= now) {
		await db().session.deleteMany({ where: { id: session.id } });
		return null;
	}
	let expiresAt = session.expiresAt;
	const renewed = expiresAt.getTime() - now < RENEW_WITHIN_MS;
	if (renewed) {
		expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await db().session.update({ where: { id: session.id }, data: { expiresAt } });
	}
	return { id: session.id, expiresAt, renewed, user: session.user };
}

export async function invalidateSession(tx: Tx, sessionId: string): Promise<void> {
	await tx.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateAllSessions(tx: Tx, userId: string): Promise<void> {
	await tx.session.deleteMany({ where: { userId } });
}
