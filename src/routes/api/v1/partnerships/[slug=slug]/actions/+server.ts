import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listActions } from '$lib/server/decisions';

export const GET = endpoint(routes.listActions, ({ actor, params, query }) =>
	listActions(actor, params.slug, query)
);
