// The one road from domain errors to HTTP: JSON `{error: {code, message, fields?}}` for the API and
// `fail()` with the typed values for forms, plus the session cookie and the request body limits.
import { error, fail, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from './actor.ts';
import { SESSION_COOKIE } from './auth/sessions.ts';
import { loadConfig } from './config.ts';
import { DomainError, Invalid, RateLimited, TooLarge, Unauthenticated } from './errors.ts';

/** JSON bodies are small forms; anything bigger is a mistake or an attack. */
export const MAX_JSON_BYTES = 64 * 1024;

export function actorOf(locals: App.Locals): Actor {
	if (!locals.actor) throw new Unauthenticated();
	return locals.actor;
}

export function errorBody(error: DomainError) {
	return {
		error: {
			code: error.code,
			message: error.message,
			...(error instanceof Invalid ? { fields: error.fields } : {})
		}
	};
}

export function errorResponse(error: unknown, locals: App.Locals): Response {
	if (error instanceof DomainError) {
		const headers: Record<string, string> = {};
		if (error instanceof RateLimited) headers['retry-after'] = String(error.retryAfterSeconds);
		return Response.json(errorBody(error), { status: error.status, headers });
	}
	locals.log.error({ err: error }, 'unhandled error in API route');
	return Response.json(
		{ error: { code: 'internal', message: `Something went wrong (request ${locals.requestId}).` } },
		{ status: 500 }
	);
}

export async function readJson(request: Request): Promise<unknown> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_JSON_BYTES)
		throw new TooLarge(`The request body must be under ${MAX_JSON_BYTES} bytes.`);
	const text = await request.text();
	if (Buffer.byteLength(text) > MAX_JSON_BYTES)
		throw new TooLarge(`The request body must be under ${MAX_JSON_BYTES} bytes.`);
	if (!text.trim()) return {};
	try {
		return JSON.parse(text);
	} catch {
		throw new Invalid(
			{ _: 'The request body is not valid JSON' },
			'The request body is not valid JSON.'
		);
	}
}

/** A form's fields as an object; where a name repeats (hidden "false" + checkbox) the last value wins. */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}

/**
 * Runs a form action's command. Invalid input and refusals come back to the page with the message beside
 * each field and everything the person typed (except passwords); anything else propagates.
 */
export async function formCommand<T>(
	data: FormData,
	command: (values: Record<string, unknown>) => Promise<T>,
	/** Names the form, for pages that have more than one, so each shows only its own errors. */
	form = 'default'
): Promise<T | ReturnType<typeof fail>> {
	const values = formValues(data);
	const input = Object.fromEntries(
		Object.entries(values).map(([k, v]) => [k, v.trim() === '' ? null : v])
	);
	try {
		return await command(input);
	} catch (error) {
		if (!(error instanceof DomainError) || error.status >= 500) throw error;
		const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
		return fail(error.status, {
			form,
			values: kept,
			message: error.message,
			fields: error instanceof Invalid ? error.fields : {}
		});
	}
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: loadConfig().production,
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: loadConfig().production
	});
}

export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** The acting person for a page, or off to sign in (and back here afterwards). */
export function pageActor(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	if (event.locals.actor) return event.locals.actor;
	const next = event.url.pathname + event.url.search;
	redirect(303, `/login?next=${encodeURIComponent(next)}`);
}

/** A page's domain call: a refusal or a missing record becomes the error page with the same status. */
export async function forPage<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (caught) {
		if (caught instanceof DomainError && caught.status < 500) error(caught.status, caught.message);
		throw caught;
	}
}

/** Where to go after signing in: only a path on this site, so the link cannot send people elsewhere. */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: '/';
}
