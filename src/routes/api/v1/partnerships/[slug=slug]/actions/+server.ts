import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { listActions } from '$lib/server/actions';

export const GET = endpoint(routes.listActions, ({ actor, params, query }) =>
	listActions(actor, params.slug, query)
);
