// Who is asking: a bearer token or the session cookie turned into the Actor, the one way for every door
// (hooks.server.ts for pages and the API, the sync server on a WebSocket upgrade). A token wins over a
// cookie; a request with neither, or with one that names no live session or token, has no actor.
import type { Actor } from '../access/index.ts';
import { validateAccessToken } from './access-tokens.ts';
import { SESSION_COOKIE, validateSessionToken } from './sessions.ts';

/** Request headers as the Fetch API (SvelteKit) or node:http (the upgrade) gives them. */
export type RequestHeaders = Headers | Record<string, string | string[] | undefined>;

export interface Authentication {
	actor: Actor | null;
	/**
	 * What the browser's session cookie needs, for a door that can answer with cookies: a later expiry
	 * when the session was renewed, or clearing when it named no live session.
	 */
	cookie: { renew: { token: string; expiresAt: Date } } | 'clear' | null;
}

function header(headers: RequestHeaders, name: string): string | undefined {
	if (headers instanceof Headers) return headers.get(name) ?? undefined;
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** A cookie's value from the Cookie header, %-decoded as SvelteKit's `cookies.get` gives it. */
function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
	for (const part of cookieHeader?.split(';') ?? []) {
		const [key, ...rest] = part.trim().split('=');
		if (key !== name) continue;
		const value = rest.join('=');
		try {
			return decodeURIComponent(value);
		} catch {
			return value;
		}
	}
	return undefined;
}

export async function authenticate(headers: RequestHeaders): Promise<Authentication> {
	const authorization = header(headers, 'authorization');
	if (authorization?.toLowerCase().startsWith('bearer ')) {
		const found = await validateAccessToken(authorization.slice(7).trim());
		if (!found) return { actor: null, cookie: null };
		const { id, email, name } = found.user;
		const via = { kind: 'token', tokenId: found.tokenId, scope: found.scope } as const;
		return { actor: { userId: id, email, name, via }, cookie: null };
	}
	const token = cookieValue(header(headers, 'cookie'), SESSION_COOKIE);
	if (!token) return { actor: null, cookie: null };
	const session = await validateSessionToken(token);
	if (!session) return { actor: null, cookie: 'clear' };
	const { id, email, name } = session.user;
	return {
		actor: { userId: id, email, name, via: { kind: 'session', sessionId: session.id } },
		cookie: session.renewed ? { renew: { token, expiresAt: session.expiresAt } } : null
	};
}
