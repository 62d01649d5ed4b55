import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { stalledPriorities } from '$lib/server/priorities';

export const GET = endpoint(routes.stalledPriorities, ({ actor, params, query }) =>
	stalledPriorities(actor, params.slug, query)
);
