// Every request: a request id and a logger, then who is acting (bearer token or session cookie).
import type { Handle, HandleServerError } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { beginAccess, readOnlyActor, type Actor } from '$lib/server/access';
import { authenticate } from '$lib/server/auth';
import { clearSessionCookie, setSessionCookie } from '$lib/server/web';

// The production start-up, bundled with the app so they share one copy of the domain (docs/ARCHITECTURE.md).
export { start } from '../server/start/index.ts';
import { countingQueries, loadConfig, log } from '$lib/server/platform';

/** Who is acting, and the session cookie renewed or cleared as the session needs. */
async function signedIn(event: Parameters<Handle>[0]['event']): Promise<Actor | null> {
	const { actor, cookie } = await authenticate(event.request.headers);
	if (cookie === 'clear') clearSessionCookie(event.cookies);
	else if (cookie) setSessionCookie(event.cookies, cookie.renew.token, cookie.renew.expiresAt);
	return actor;
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
	// One-click unsubscribe (RFC 8058): the mail program posts from nowhere; the signed link is the authority,
	// not a cookie, so a cross-site post can do no more than the link itself.
	if (event.url.pathname.startsWith('/unsubscribe/')) return false;
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
	// The protocol is known: ORIGIN names it, or the start-up (server/start/) sets it from the connection itself.
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

/** With QUERY_COUNT=1, each answer says how many database queries it took (the query-count test). */
export const handle: Handle = async (input) => {
	if (!loadConfig().countQueries) return answer(input);
	const { result, queries, access } = await countingQueries(async () => answer(input));
	result.headers.set('x-db-queries', String(queries));
	result.headers.set('x-db-access-queries', String(access));
	return result;
};

const answer: Handle = async ({ event, resolve }) => {
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
	event.locals.actor = await signedIn(event);
	event.locals.access = event.locals.actor ? beginAccess(event.locals.actor) : null;
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
