import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { amendDecision } from '$lib/server/decisions';

export const POST = endpoint(routes.amendDecision, ({ actor, params, body }) =>
	amendDecision(actor, params.id, body)
);
