// Personal access tokens for API clients: `pat_<id>.<secret>`, shown once, stored only as a SHA-256.
import { z } from 'zod';
import { assertSessionActor, type Actor, type TokenScope } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { db, transaction, type Tx } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { publishRevocation } from '../access/index.ts';
import { parse, requiredText, wholeNumber } from '../platform/index.ts';
import { hashSecret, randomSecret, sameHash, splitToken } from './secrets.ts';
import type { SessionUser } from './sessions.ts';

const PREFIX = 'pat_';
/** Saving "last used" on every request would make every API read a write; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TOKEN_DAYS = 90;
/** A year at most: a token nobody remembers making should not outlive the people who made it. */
export const MAX_TOKEN_DAYS = 365;

export const TOKEN_SCOPES = {
	read: 'Read only (GET requests; read-only live documents)',
	'read write': 'Read and write (everything you may do, except managing your account)'
} as const satisfies Record<TokenScope, string>;

export const CreateAccessTokenInput = z.object({
	name: requiredText('a name for the token', 80),
	scope: z
		.enum(['read', 'read write'], { error: 'Choose read, or read and write' })
		.nullish()
		.transform((v): TokenScope => v ?? 'read write'),
	expiresInDays: wholeNumber('the days until it expires', 1, MAX_TOKEN_DAYS).transform(
		(v) => v ?? DEFAULT_TOKEN_DAYS
	)
});

export const AccessTokenView = z.object({
	id: z.string(),
	name: z.string(),
	scope: z.enum(['read', 'read write']),
	createdAt: z.iso.datetime(),
	expiresAt: z.iso.datetime(),
	lastUsedAt: z.iso.datetime().nullable()
});
export type AccessTokenView = z.infer<typeof AccessTokenView>;

function asScope(scope: string): TokenScope {
	// Anything unexpected in the column is treated as the narrower scope.
	return scope === 'read write' ? 'read write' : 'read';
}

function view(t: {
	id: string;
	name: string;
	scope: string;
	createdAt: Date;
	expiresAt: Date;
	lastUsedAt: Date | null;
}): AccessTokenView {
	return {
		id: t.id,
		name: t.name,
		scope: asScope(t.scope),
		createdAt: t.createdAt.toISOString(),
		expiresAt: t.expiresAt.toISOString(),
		lastUsedAt: t.lastUsedAt?.toISOString() ?? null
	};
}

/** Tokens that still work: neither revoked nor expired. */
export async function listAccessTokens(actor: Actor): Promise<AccessTokenView[]> {
	const tokens = await db().accessToken.findMany({
		where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
		orderBy: { createdAt: 'desc' }
	});
	return tokens.map(view);
}

export async function createAccessToken(
	actor: Actor,
	input: unknown
): Promise<AccessTokenView & { token: string }> {
	assertSessionActor(actor, 'create access tokens');
	const { name, scope, expiresInDays } = parse(CreateAccessTokenInput, input);
	const id = randomSecret();
	const secret = randomSecret();
	const expiresAt = new Date(Date.now() + expiresInDays * DAY_MS);
	return transaction(async (tx) => {
		const created = await tx.accessToken.create({
			data: {
				id,
				userId: actor.userId,
				name,
				scope,
				expiresAt,
				secretHash: Buffer.from(hashSecret(secret))
			}
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'AccessToken',
			entityId: id,
			detail: { name, scope, expiresAt: expiresAt.toISOString() }
		});
		return { ...view(created), token: `${PREFIX}${id}.${secret}` };
	});
}

export async function revokeAccessToken(actor: Actor, tokenId: string): Promise<void> {
	assertSessionActor(actor, 'revoke access tokens');
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
): Promise<{ tokenId: string; scope: TokenScope; user: SessionUser } | null> {
	const parts = splitToken(token, PREFIX);
	if (!parts) return null;
	const found = await db().accessToken.findUnique({
		where: { id: parts.id },
		include: { user: { select: { id: true, email: true, name: true } } }
	});
	const now = Date.now();
	if (!found || found.revokedAt || found.expiresAt.getTime() <= now) return null;
	if (!sameHash(hashSecret(parts.secret), new Uint8Array(found.secretHash))) return null;
	if (!found.lastUsedAt || now - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
		await db().accessToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date(now) } });
	}
	return { tokenId: found.id, scope: asScope(found.scope), user: found.user };
}

/** A password change ends every token: whoever changed it may be locking out someone who stole it. */
export async function revokeAllAccessTokens(tx: Tx, userId: string): Promise<number> {
	const { count } = await tx.accessToken.updateMany({
		where: { userId, revokedAt: null },
		data: { revokedAt: new Date() }
	});
	return count;
}
