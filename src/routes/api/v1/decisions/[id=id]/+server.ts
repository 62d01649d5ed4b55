// No PUT, PATCH or DELETE: a decision is never changed or deleted, only amended by a new version
// (POST …/versions). SvelteKit answers other methods with 405, which hooks.server.ts puts in JSON.
import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getDecision } from '$lib/server/decisions';

export const GET = endpoint(routes.getDecision, ({ actor, params }) =>
	getDecision(actor, params.id)
);
