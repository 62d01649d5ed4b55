// Signing in and out with email and password.
import { z } from 'zod';
import { audit } from '../platform/index.ts';
import { assertSessionActor, type Actor } from '../access/index.ts';
import { db, transaction } from '../platform/index.ts';
import { publishRevocation } from '../access/index.ts';
import { Unauthenticated } from '../platform/index.ts';
import { log } from '../platform/index.ts';
import { parse, safeText } from '../platform/index.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { DEVICE_COOKIE_DAYS, issueDeviceCookie, knownDevice } from './device-cookie.ts';
import { beginSignInAttempt } from './rate-limit.ts';
import { createSession, invalidateSession, type SessionUser } from './sessions.ts';

export const SignInInput = z.object({
	email: safeText('your email address', { multiline: false })
		.trim()
		.toLowerCase()
		.min(1, 'Enter your email address')
		.max(254),
	password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256)
});
export type SignInInput = z.input<typeof SignInInput>;

export interface SignedIn {
	user: SessionUser;
	token: string;
	expiresAt: Date;
	/** A fresh known-device cookie for this browser and account. */
	device: { value: string; expiresAt: Date };
}

/** Where a sign-in comes from: the client's address and the browser's device cookie, if it sent one. */
export interface SignInSource {
	address: string;
	device?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const INVALID = 'The email address or password is not right.';

/**
 * Checks the password and opens a session. The answer is the same whether or not the email exists. A
 * browser that signed in to this account before is counted on its own (rate-limit.ts), so others' failed
 * guesses never slow or lock it.
 */
export async function signIn(input: unknown, from: SignInSource): Promise<SignedIn> {
	const { email, password } = parse(SignInInput, input);
	const user = await db().user.findUnique({ where: { email } });
	const device = user ? await knownDevice(from.device, user.id) : null;
	const attempt = await beginSignInAttempt(email, device ? { device } : { address: from.address });
	if (attempt.delayMs) await new Promise((done) => setTimeout(done, attempt.delayMs));
	const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
	if (!user || !ok) {
		if (user) recordFailure(user.id, device !== null);
		throw new Unauthenticated(INVALID, 'invalid_credentials');
	}
	attempt.succeeded();
	return transaction(async (tx) => {
		const session = await createSession(tx, user.id);
		await audit(tx, user.id, { action: 'signed_in', entity: 'User', entityId: user.id });
		return {
			user: { id: user.id, email: user.email, name: user.name },
			...session,
			device: {
				value: await issueDeviceCookie(user.id),
				expiresAt: new Date(Date.now() + DEVICE_COOKIE_DAYS * DAY_MS)
			}
		};
	});
}

/**
 * A wrong password for a real account goes into its audit trail, so its owner and the officers can see
 * guessing. Written without being awaited: an answer that waited for it would come back later for real
 * accounts than for unknown emails, and tell which addresses have accounts.
 */
function recordFailure(userId: string, knownBrowser: boolean): void {
	void transaction((tx) =>
		audit(tx, null, {
			action: 'sign_in_failed',
			entity: 'User',
			entityId: userId,
			detail: { knownBrowser }
		})
	).catch((error) => log.error({ err: error }, 'sign-in: the failure could not be audited'));
}

export async function signOut(actor: Actor): Promise<void> {
	assertSessionActor(actor, 'sign out or end sessions');
	await transaction(async (tx) => {
		if (actor.via.kind === 'session') await invalidateSession(tx, actor.via.sessionId);
		await audit(tx, actor.userId, { action: 'signed_out', entity: 'User', entityId: actor.userId });
	});
	// Documents and event streams this browser opened close now, not when it next reconnects.
	if (actor.via.kind === 'session')
		publishRevocation({
			kind: 'session-ended',
			sessionId: actor.via.sessionId,
			userId: actor.userId
		});
}
