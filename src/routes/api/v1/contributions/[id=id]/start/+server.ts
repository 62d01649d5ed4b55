import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { startTurn } from '$lib/server/speakers';

export const POST = endpoint(routes.startTurn, ({ actor, params, body }) =>
	startTurn(actor, params.id, body)
);
