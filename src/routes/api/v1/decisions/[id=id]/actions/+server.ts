import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { addAction } from '$lib/server/decisions';

export const POST = endpoint(routes.addAction, ({ actor, params, body }) =>
	addAction(actor, params.id, body)
);
