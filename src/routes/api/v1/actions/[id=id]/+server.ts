import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { updateAction } from '$lib/server/actions';

export const PATCH = endpoint(routes.updateAction, ({ actor, params, body }) =>
	updateAction(actor, params.id, body)
);
