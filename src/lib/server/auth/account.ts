// A person's own account: changing the password ends every session, then opens one for this browser.
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { db, transaction } from '../db.ts';
import { Invalid } from '../errors.ts';
import { publishRevocation } from '../revocation.ts';
import { parse } from '../validation.ts';
import { hashPassword, Password, verifyPassword } from './passwords.ts';
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
	const data = parse(ChangePasswordInput, input);
	const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId } });
	if (!(await verifyPassword(user.passwordHash, data.currentPassword)))
		throw new Invalid({ currentPassword: 'Your current password is not right' });
	const passwordHash = await hashPassword(data.newPassword);
	const session = await transaction(async (tx) => {
		await tx.user.update({
			where: { id: actor.userId },
			data: { passwordHash, passwordChangedAt: new Date() }
		});
		await invalidateAllSessions(tx, actor.userId);
		await audit(tx, actor.userId, {
			action: 'password_changed',
			entity: 'User',
			entityId: actor.userId
		});
		return createSession(tx, actor.userId);
	});
	// Every connection opened with an old session closes; this browser reconnects with its new one.
	publishRevocation({ kind: 'signed-out-everywhere', userId: actor.userId });
	return session;
}
