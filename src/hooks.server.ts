// Every request: a request id and a logger, then who is acting (bearer token or session cookie).
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { readOnlyActor, type Actor } from '$lib/server/access';
import { validateAccessToken } from '$lib/server/auth';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth';
import { clearSessionCookie, setSessionCookie } from '$lib/server/web';
import { log } from '$lib/server/platform';

export { start } from '../server/start/index.ts';

async function authenticate(event: Parameters<Handle>[0]['event']): Promise<Actor | null> {
	const authorization = event.request.headers.get('authorization');
	if (authorization?.toLowerCase().startsWith('bearer ')) {
		const found = await validateAccessToken(authorization.slice(7).trim());
		if (!found) return null;
		return {
			userId: found.user.id,
			email: found.user.email,
			name: found.user.name,
			via: { kind: 'token', tokenId: found.tokenId, scope: found.scope }
		};
	}
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return null;
	const session = await validateSessionToken(token);
	if (!session) {
		clearSessionCookie(event.cookies);
		return null;
	}
	if (session.renewed) setSessionCookie(event.cookies, token, session.expiresAt);
	const { user } = session;
	return {
		userId: user.id,
		email: user.email,
		name: user.name,
		via: { kind: 'session', sessionId: session.id }
	};
}

/** The content types a page on another site can post without asking first (no CORS preflight). */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * A form posted from another site rides on the session cookie; refuse it. A request carrying a bearer
 * token is exempt: another site's page cannot add that header.
 */
function crossSiteForm(event: Parameters<Handle>[0]['event']): boolean {
	if (event.request.method === 'GET' || event.request.method === 'HEAD') return false;
	const type = event.request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return false;
	if (event.request.headers.get('authorization')?.toLowerCase().startsWith('bearer ')) return false;
	return event.request.headers.get('origin') !== event.url.origin;
}

/**
 * Headers for every answer, pages and API alike. The page's Content-Security-Policy itself comes from
 * `kit.csp` in svelte.config.js; here it gains the sync WebSocket's own address, and anything without one
 * (API JSON, plain-text refusals) gets one that allows nothing and no framing.
 */
function secure(event: Parameters<Handle>[0]['event'], response: Response): Response {
	const headers = response.headers;
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'same-origin');
	headers.set('x-frame-options', 'DENY');
	// The protocol is known: ORIGIN names it, or server/index.ts sets it from the connection itself.
	if (event.url.protocol === 'https:') headers.set('strict-transport-security', 'max-age=31536000');
	const csp = headers.get('content-security-policy');
	if (csp) {
		const ws = `${event.url.protocol === 'https:' ? 'wss:' : 'ws:'}//${event.url.host}`;
		headers.set(
			'content-security-policy',
			csp.replace(/connect-src 'self'/, `connect-src 'self' ${ws}`)
		);
	} else headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	return response;
}

function refuse(event: Parameters<Handle>[0]['event'], message: string): Response {
	return event.url.pathname.startsWith('/api/')
		? Response.json({ error: { code: 'forbidden', message } }, { status: 403 })
		: new Response(message, { status: 403 });
}

function decodable(path: string): boolean {
	try {
		// Its result used, or the bundler drops the call as pure and with it the throw.
		return decodeURI(path).length >= 0;
	} catch {
		return false;
	}
}

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const incoming = event.request.headers.get('x-request-id');
	event.locals.requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
	event.locals.log = log.child({ requestId: event.locals.requestId });
	if (crossSiteForm(event))
		return secure(event, refuse(event, 'Cross-site form submissions are forbidden.'));
	if (event.url.pathname.startsWith('/api/') && !decodable(event.url.pathname)) {
		// SvelteKit would answer with its HTML error page; the API answers in its own error shape.
		const message = 'The address has a broken %-escape, so it names nothing here.';
		return secure(
			event,
			Response.json({ error: { code: 'malformed_path', message } }, { status: 400 })
		);
	}
	event.locals.actor = await authenticate(event);
	const { method } = event.request;
	if (
		event.locals.actor &&
		readOnlyActor(event.locals.actor) &&
		method !== 'GET' &&
		method !== 'HEAD'
	)
		return secure(
			event,
			refuse(
				event,
				'This access token may only read (GET). Create a token with the read write scope to make changes.'
			)
		);
	let response = await resolve(event);
	if (response.status === 405 && event.url.pathname.startsWith('/api/')) {
		// SvelteKit answers an unsupported method in plain text; the API answers in its own error shape.
		response = Response.json(
			{
				error: {
					code: 'method_not_allowed',
					message: `${event.request.method} is not allowed here.`
				}
			},
			{ status: 405, headers: { allow: response.headers.get('allow') ?? '' } }
		);
	}
	response.headers.set('x-request-id', event.locals.requestId);
	secure(event, response);
	event.locals.log.info(
		{
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started),
			userId: event.locals.actor?.userId
		},
		'request'
	);
	return response;
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) event.locals.log?.error({ err: error }, 'unhandled error');
	return {
		message: status === 404 ? 'Page not found' : 'Something went wrong',
		requestId: event.locals.requestId
	};
};
