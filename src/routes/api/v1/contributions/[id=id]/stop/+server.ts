import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { endTurn } from '$lib/server/meetings';

export const POST = endpoint(routes.endTurn, ({ actor, params, body }) =>
	endTurn(actor, params.id, body)
);
