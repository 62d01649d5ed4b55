// The one road from domain errors to HTTP: JSON `{error: {code, message, fields?}}` for the API and
// `fail()` with the typed values for forms, plus the session cookie and the request body limits.
import { error, fail, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../access/index.ts';
import { DEVICE_COOKIE } from '../auth/index.ts';
import { SESSION_COOKIE } from '../auth/index.ts';
import type { SignInSource } from '../auth/index.ts';
import { fileStore, loadConfig } from '../platform/index.ts';
import {
	Conflict,
	DomainError,
	Invalid,
	NotFound,
	RateLimited,
	TooLarge,
	Unauthenticated
} from '../platform/index.ts';
import { log } from '../platform/index.ts';

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
			...(error instanceof Invalid ? { fields: error.fields } : {}),
			...(error instanceof Conflict && error.allowed ? { allowed: error.allowed } : {})
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
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new Invalid(
			{ _: 'The request body is not valid JSON' },
			'The request body is not valid JSON.'
		);
	}
	const unusable = unusableAt(value);
	if (unusable) throw new Invalid({ [unusable.path || '_']: unusable.message });
	return value;
}

/** Deeper than any input we take: a form nests a list of objects at most. */
const MAX_JSON_DEPTH = 16;
const UNUSABLE_JSON = /\u0000|[\ud800-\udfff]/u;

/**
 * Where a parsed body holds what no input can: a lone UTF-16 surrogate (JSON's `\ud800` escape makes one,
 * and it has no UTF-8 form to store) or NUL, in any value or key, including fields the schema would drop;
 * or nesting deeper than any input. Checked once here so no command sees them. Iterative, so a deep body
 * cannot exhaust the stack.
 */
function unusableAt(root: unknown): { path: string; message: string } | null {
	const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
	while (stack.length) {
		const { value, path } = stack.pop()!;
		const where = path.join('.');
		if (typeof value === 'string') {
			if (UNUSABLE_JSON.test(value))
				return { path: where, message: 'This contains characters that cannot be used' };
			continue;
		}
		if (typeof value !== 'object' || value === null) continue;
		if (path.length >= MAX_JSON_DEPTH) return { path: where, message: 'This is nested too deeply' };
		for (const [key, child] of Object.entries(value)) {
			if (UNUSABLE_JSON.test(key))
				return { path: where, message: 'A field name contains characters that cannot be used' };
			stack.push({ value: child, path: [...path, key] });
		}
	}
	return null;
}

/**
 * Reads and drops what is left of a refused request body. Answering without reading it would leave the
 * connection stalled (the adapter pauses it), failing the client's next request on it; adapter-node's
 * BODY_SIZE_LIMIT bounds how much is read, and nothing is kept.
 */
export async function discardBody(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	await drain(request.body.getReader());
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		while (!(await reader.read()).done);
	} catch {
		// The adapter ended the stream (over its limit, or the client went away): nothing left to read.
	}
}

/** Room for a multipart body's boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads one file from a multipart/form-data body. The body is counted as it arrives and refused with 413
 * as soon as it passes the limit, so an oversized upload is never held in memory whole.
 */
export async function readUpload(
	request: Request,
	field: string,
	maxFileBytes: number
): Promise<{ name: string; type: string; bytes: Uint8Array }> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data;/i.test(type))
		throw new Invalid(
			{ [field]: 'Send the file as multipart/form-data' },
			'The request must be multipart/form-data.'
		);
	const limit = maxFileBytes + MULTIPART_OVERHEAD_BYTES;
	const tooLarge = () =>
		new TooLarge(`The file must be ${Math.floor(maxFileBytes / 1024 / 1024)} MiB or smaller.`);
	if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
	const chunks: Uint8Array[] = [];
	let received = 0;
	const reader = request.body?.getReader();
	while (reader) {
		const { done, value } = await reader.read();
		if (done) break;
		received += value.byteLength;
		if (received > limit) {
			await drain(reader);
			throw tooLarge();
		}
		chunks.push(value);
	}
	let form: FormData;
	try {
		form = await new Response(Buffer.concat(chunks), {
			headers: { 'content-type': type }
		}).formData();
	} catch {
		throw new Invalid({ [field]: 'The upload could not be read; try again' });
	}
	const file = form.get(field);
	if (!(file instanceof File) || file.size === 0)
		throw new Invalid({ [field]: 'Choose a file to upload' });
	if (file.size > maxFileBytes) throw tooLarge();
	return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A file a form sent (a page's file input); Invalid naming the field when none was chosen. */
export async function formFile(
	data: FormData,
	field: string
): Promise<{ name: string; type: string; bytes: Uint8Array }> {
	const file = data.get(field);
	if (!(file instanceof File) || file.size === 0)
		throw new Invalid({ [field]: 'Choose a file to upload' });
	return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * A stored file as a download: always an attachment, never sniffed into another type, and sandboxed should
 * a browser open it anyway, so an uploaded HTML or SVG look-alike cannot run in the site's origin.
 */
export async function downloadResponse(file: {
	name: string;
	type: string;
	sha256: string;
}): Promise<Response> {
	const found = await fileStore.use().open(file.sha256);
	if (!found) {
		log.error({ sha256: file.sha256 }, 'a recorded file is missing from the file store');
		throw new NotFound('file');
	}
	const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return new Response(found.stream(), {
		headers: {
			'content-type': file.type,
			'content-length': String(found.size),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store'
		}
	});
}

/** A form's fields as an object; where a name repeats (hidden "false" + checkbox) the last value wins. */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}

/**
 * An irreversible step's form carries a ticked confirmation (`confirm=true`); without it the step is
 * refused with the message on the box, and nothing is done.
 */
export function requireConfirmed(data: FormData, message: string): void {
	if (!data.getAll('confirm').includes('true')) throw new Invalid({ confirm: message });
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
			/** What went wrong, for the page to branch on; the message is for people. */
			code: error.code,
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

/** The known-device cookie outlives sessions and sign-outs: it only says "this browser signed in before". */
export function setDeviceCookie(
	cookies: Cookies,
	device: { value: string; expiresAt: Date }
): void {
	cookies.set(DEVICE_COOKIE, device.value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: loadConfig().production,
		expires: device.expiresAt
	});
}

/** Who is trying to sign in, for the rate limits: the address, and the device cookie if there is one. */
export function signInSource(event: RequestEvent): SignInSource {
	return { address: clientAddress(event), device: event.cookies.get(DEVICE_COOKIE) };
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
