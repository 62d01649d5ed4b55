import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { recordDecision } from '$lib/server/decisions';

export const POST = endpoint(routes.recordDecision, ({ actor, params, body }) =>
	recordDecision(actor, params.id, body)
);
