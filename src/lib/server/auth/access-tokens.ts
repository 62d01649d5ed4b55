// Personal access tokens for API clients: `pat_<id>.<secret>`, shown once, stored only as a SHA-256.
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { audit } from '../audit.ts';
import { db, transaction } from '../db.ts';
import { NotFound } from '../errors.ts';
import { publishRevocation } from '../revocation.ts';
import { parse, requiredText } from '../validation.ts';
import { hashSecret, randomSecret, sameHash, splitToken } from './secrets.ts';
import type { SessionUser } from './sessions.ts';

const PREFIX = 'pat_';
/** Saving "last used" on every request would make every API read a write; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const CreateAccessTokenInput = z.object({ name: requiredText('a name for the token', 80) });

export const AccessTokenView = z.object({
	id: z.string(),
	name: z.string(),
	createdAt: z.iso.datetime(),
	lastUsedAt: z.iso.datetime().nullable()
});
export type AccessTokenView = z.infer<typeof AccessTokenView>;

function view(t: {
	id: string;
	name: string;
	createdAt: Date;
	lastUsedAt: Date | null;
}): AccessTokenView {
	return {
		id: t.id,
		name: t.name,
		createdAt: t.createdAt.toISOString(),
		lastUsedAt: t.lastUsedAt?.toISOString() ?? null
	};
}

export async function listAccessTokens(actor: Actor): Promise<AccessTokenView[]> {
	const tokens = await db().accessToken.findMany({
		where: { userId: actor.userId, revokedAt: null },
		orderBy: { createdAt: 'desc' }
	});
	return tokens.map(view);
}

export async function createAccessToken(
	actor: Actor,
	input: unknown
): Promise<AccessTokenView & { token: string }> {
	const { name } = parse(CreateAccessTokenInput, input);
	const id = randomSecret();
	const secret = randomSecret();
	return transaction(async (tx) => {
		const created = await tx.accessToken.create({
			data: { id, userId: actor.userId, name, secretHash: Buffer.from(hashSecret(secret)) }
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'AccessToken',
			entityId: id,
			detail: { name }
		});
		return { ...view(created), token: `${PREFIX}${id}.${secret}` };
	});
}

export async function revokeAccessToken(actor: Actor, tokenId: string): Promise<void> {
	await transaction(async (tx) => {
		const { count } = await tx.accessToken.updateMany({
			where: { id: tokenId, userId: actor.userId, revokedAt: null },
			data: { revokedAt: new Date() }
		});
		if (count === 0) throw new NotFound('access token');
		await audit(tx, actor.userId, { action: 'revoked', entity: 'AccessToken', entityId: tokenId });
	});
	publishRevocation({ kind: 'token-revoked', tokenId, userId: actor.userId });
}

export async function validateAccessToken(
	token: string
): Promise<{ tokenId: string; user: SessionUser } | null> {
	const parts = splitToken(token, PREFIX);
	if (!parts) return null;
	const found = await db().accessToken.findUnique({
		where: { id: parts.id },
		include: { user: { select: { id: true, email: true, name: true } } }
	});
	if (!found || found.revokedAt) return null;
	if (!sameHash(hashSecret(parts.secret), new Uint8Array(found.secretHash))) return null;
	const now = Date.now();
	if (!found.lastUsedAt || now - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
		await db().accessToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date(now) } });
	}
	return { tokenId: found.id, user: found.user };
}
