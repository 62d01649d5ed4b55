import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { amendDecision } from '$lib/server/decisions';

export const POST = endpoint(routes.amendDecision, ({ actor, params, body }) =>
	amendDecision(actor, params.id, body)
);
