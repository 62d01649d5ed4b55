import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { recordDecision } from '$lib/server/decisions';

export const POST = endpoint(routes.recordDecision, ({ actor, params, body }) =>
	recordDecision(actor, params.id, body)
);
