import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { tagAction } from '$lib/server/outcomes';

export const PUT = endpoint(routes.tagActionOutcomes, ({ actor, params, body }) =>
	tagAction(actor, params.id, body)
);
