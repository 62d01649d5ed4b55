// Wraps an /api/v1 handler: authenticates, reads the JSON body within limits, and turns the result or
// error into the JSON answer. The spec it takes (declared by each concept, platform/api-spec.ts) is the same
// one the OpenAPI document is built from.
import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { Actor } from '../../access/index.ts';
import type { RouteSpec } from '../../platform/index.ts';
export type { RouteSpec } from '../../platform/index.ts';
import { actorOf, discardBody, errorResponse, readJson, readUpload } from '../http.ts';

interface Call {
	event: RequestEvent;
	actor: Actor;
	body: unknown;
	/**
	 * Reads the uploaded file, for routes with `upload`; a function so the domain can check rights before
	 * the body is read.
	 */
	upload: () => Promise<{ name: string; type: string; bytes: Uint8Array }>;
	params: Record<string, string>;
	/** The query string, one value per name (the last, if repeated). */
	query: Record<string, string>;
}

export function endpoint(
	spec: RouteSpec,
	handle: (call: Call) => Promise<unknown>
): RequestHandler {
	return async (event) => {
		try {
			const actor = spec.public ? (event.locals.actor as Actor) : actorOf(event.locals);
			const body = spec.body ? await readJson(event.request) : undefined;
			const { upload: expected } = spec;
			const upload = async () => {
				if (!expected) throw new Error(`${spec.path} takes no upload`);
				return readUpload(event.request, expected.field, expected.maxBytes);
			};
			const result = await handle({
				event,
				actor,
				body,
				upload,
				params: event.params as Record<string, string>,
				query: Object.fromEntries(event.url.searchParams)
			});
			if (result instanceof Response) return result;
			if (spec.status === 204) return new Response(null, { status: 204 });
			return Response.json(result, { status: spec.status ?? 200 });
		} catch (error) {
			await discardBody(event.request);
			return errorResponse(error, event.locals);
		}
	};
}
