// A person's own account: changing the password ends every session and revokes every access token, then
// opens a session for this browser. Guessing the current password is throttled like sign-in and audited.
import { z } from 'zod';
import { assertSessionActor, type Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { db, queueAccountMail, transaction } from '../platform/index.ts';
import { Invalid } from '../platform/index.ts';
import { publishRevocation } from '../access/index.ts';
import { parse } from '../platform/index.ts';
import { revokeAllAccessTokens } from './access-tokens.ts';
import { hashPassword, Password, verifyPassword } from './passwords.ts';
import { beginPasswordCheck } from './rate-limit.ts';
import { createSession, invalidateAllSessions } from './sessions.ts';

export const ChangePasswordInput = z.object({
	currentPassword: z
		.string({ error: 'Enter your current password' })
		.min(1, 'Enter your current password'),
	newPassword: Password
});

export async function changePassword(
	actor: Actor,
	input: unknown
): Promise<{ token: string; expiresAt: Date }> {
	assertSessionActor(actor, 'change the password');
	const data = parse(ChangePasswordInput, input);
	const attempt = await beginPasswordCheck(actor.userId);
	if (attempt.delayMs) await new Promise((done) => setTimeout(done, attempt.delayMs));
	const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId } });
	if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
		// Someone at an unattended, signed-in browser may be guessing: the owner can see it in the trail.
		await transaction((tx) =>
			audit(tx, actor.userId, {
				action: 'password_check_failed',
				entity: 'User',
				entityId: actor.userId
			})
		);
		throw new Invalid({ currentPassword: 'Your current password is not right' });
	}
	attempt.succeeded();
	const passwordHash = await hashPassword(data.newPassword);
	const session = await transaction(async (tx) => {
		await tx.user.update({
			where: { id: actor.userId },
			data: { passwordHash, passwordChangedAt: new Date() }
		});
		await invalidateAllSessions(tx, actor.userId);
		const tokensRevoked = await revokeAllAccessTokens(tx, actor.userId);
		await audit(tx, actor.userId, {
			action: 'password_changed',
			entity: 'User',
			entityId: actor.userId,
			detail: { tokensRevoked }
		});
		// Always sent: if it was not them, this is how they learn of it.
		await queueAccountMail(tx, {
			kind: 'password_changed',
			to: user.email,
			userId: actor.userId,
			partnershipId: null,
			subject: 'Your password was changed',
			text:
				'The password of your partnership workspace account was changed, and every other device was signed out.\n\n' +
				'If you did not change it, tell your partnership’s secretariat at once: they can help you back in.\n'
		});
		return createSession(tx, actor.userId);
	});
	// Every connection opened with an old session closes; this browser reconnects with its new one.
	publishRevocation({ kind: 'signed-out-everywhere', userId: actor.userId });
	return session;
}
