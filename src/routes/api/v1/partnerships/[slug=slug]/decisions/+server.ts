import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { searchDecisions } from '$lib/server/decisions';

export const GET = endpoint(routes.searchDecisions, ({ actor, params, query }) =>
	searchDecisions(actor, params.slug, query)
);
