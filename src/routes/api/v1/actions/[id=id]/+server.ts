import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { updateAction } from '$lib/server/decisions';

export const PATCH = endpoint(routes.updateAction, ({ actor, params, body }) =>
	updateAction(actor, params.id, body)
);
