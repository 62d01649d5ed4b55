import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { updateBody } from '$lib/server/bodies';

export const PATCH = endpoint(routes.updateBody, ({ actor, params, body }) =>
	updateBody(actor, params.slug, params.id, body)
);
