import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { addAction } from '$lib/server/actions';

export const POST = endpoint(routes.addAction, ({ actor, params, body }) =>
	addAction(actor, params.id, body)
);
