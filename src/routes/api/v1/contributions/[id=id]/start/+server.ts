import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { startTurn } from '$lib/server/meetings';

export const POST = endpoint(routes.startTurn, ({ actor, params, body }) =>
	startTurn(actor, params.id, body)
);
