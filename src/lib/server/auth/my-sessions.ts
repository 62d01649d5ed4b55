// A person's own signed-in browsers: seeing them, and ending one (a lost laptop, a shared computer). Only
// from a browser session: a personal access token may not manage sessions.
import { z } from 'zod';
import { assertSessionActor, type Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { db, transaction } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { publishRevocation } from '../access/index.ts';

export const SessionView = z.object({
	id: z.string(),
	createdAt: z.iso.datetime(),
	expiresAt: z.iso.datetime(),
	/** The session this request came with. */
	current: z.boolean()
});
export type SessionView = z.infer<typeof SessionView>;

export async function listSessions(actor: Actor): Promise<SessionView[]> {
	assertSessionActor(actor, 'manage sessions');
	const sessions = await db().session.findMany({
		where: { userId: actor.userId, expiresAt: { gt: new Date() } },
		orderBy: { createdAt: 'desc' },
		select: { id: true, createdAt: true, expiresAt: true }
	});
	const currentId = actor.via.kind === 'session' ? actor.via.sessionId : null;
	return sessions.map((s) => ({
		id: s.id,
		createdAt: s.createdAt.toISOString(),
		expiresAt: s.expiresAt.toISOString(),
		current: s.id === currentId
	}));
}

/** Ends one of the actor's sessions; its open documents and event streams close at once. */
export async function endSession(actor: Actor, sessionId: string): Promise<void> {
	assertSessionActor(actor, 'manage sessions');
	await transaction(async (tx) => {
		const { count } = await tx.session.deleteMany({
			where: { id: sessionId, userId: actor.userId }
		});
		if (count === 0) throw new NotFound('session');
		await audit(tx, actor.userId, {
			action: 'session_ended',
			entity: 'Session',
			entityId: sessionId
		});
	});
	publishRevocation({ kind: 'session-ended', sessionId, userId: actor.userId });
}
