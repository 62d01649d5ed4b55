// Public data for other websites (councils' own pages fetch it from their visitors' browsers): any origin
// may read it, without credentials, and caches may keep it a few minutes, so a newly published response
// shows within five minutes without every page view reaching this server.
import type { RequestHandler } from '@sveltejs/kit';
import { endpoint, type RouteSpec } from './endpoint.ts';

const MAX_AGE_SECONDS = 300;

export function openData(
	spec: RouteSpec & { public: true; method: 'GET' },
	handle: Parameters<typeof endpoint>[1]
): RequestHandler {
	const inner = endpoint(spec, handle);
	return async (event) => {
		const response = await inner(event);
		// The error answers are open too, so a site can tell a wrong address from a network failure.
		response.headers.set('access-control-allow-origin', '*');
		if (response.ok) response.headers.set('cache-control', `public, max-age=${MAX_AGE_SECONDS}`);
		return response;
	};
}
