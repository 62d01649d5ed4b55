import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { traceGraph } from '$lib/server/trace';

export const GET = endpoint(routes.trace, ({ actor, params, query }) =>
	traceGraph(actor, params.slug, query)
);
