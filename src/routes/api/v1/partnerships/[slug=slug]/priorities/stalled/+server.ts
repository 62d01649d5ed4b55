import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { stalledPriorities } from '$lib/server/trace';

export const GET = endpoint(routes.stalledPriorities, ({ actor, params, query }) =>
	stalledPriorities(actor, params.slug, query)
);
