import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { searchDecisions } from '$lib/server/decision-register';

export const GET = endpoint(routes.searchDecisions, ({ actor, params, query }) =>
	searchDecisions(actor, params.slug, query)
);
