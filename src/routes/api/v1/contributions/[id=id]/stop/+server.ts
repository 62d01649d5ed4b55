import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { endTurn } from '$lib/server/speakers';

export const POST = endpoint(routes.endTurn, ({ actor, params, body }) =>
	endTurn(actor, params.id, body)
);
