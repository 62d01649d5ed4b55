import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { traceGraph } from '$lib/server/priorities';

export const GET = endpoint(routes.trace, ({ actor, params, query }) =>
	traceGraph(actor, params.slug, query)
);
