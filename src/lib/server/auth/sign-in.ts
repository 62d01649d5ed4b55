// Signing in and out with email and password.
import { z } from 'zod';
import { audit } from '../audit.ts';
import type { Actor } from '../actor.ts';
import { db, transaction } from '../db.ts';
import { Unauthenticated } from '../errors.ts';
import { parse, safeText } from '../validation.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
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
}

const INVALID = 'The email address or password is not right.';

/** Checks the password and opens a session. The answer is the same whether or not the email exists. */
export async function signIn(input: unknown, address: string): Promise<SignedIn> {
	const { email, password } = parse(SignInInput, input);
	const attempt = beginSignInAttempt(email, address);
	const user = await db().user.findUnique({ where: { email } });
	const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
	if (!user || !ok) throw new Unauthenticated(INVALID, 'invalid_credentials');
	attempt.succeeded();
	return transaction(async (tx) => {
		const session = await createSession(tx, user.id);
		await audit(tx, user.id, { action: 'signed_in', entity: 'User', entityId: user.id });
		return { user: { id: user.id, email: user.email, name: user.name }, ...session };
	});
}

export async function signOut(actor: Actor): Promise<void> {
	await transaction(async (tx) => {
		if (actor.via.kind === 'session') await invalidateSession(tx, actor.via.sessionId);
		await audit(tx, actor.userId, { action: 'signed_out', entity: 'User', entityId: actor.userId });
	});
}
