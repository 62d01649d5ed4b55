import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { updateBody } from '$lib/server/structure';

export const PATCH = endpoint(routes.updateBody, ({ actor, params, body }) =>
	updateBody(actor, params.slug, params.id, body)
);
