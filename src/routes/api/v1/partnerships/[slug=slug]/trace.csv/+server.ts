import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { csvResponse } from '$lib/server/exports';
import { traceCsv } from '$lib/server/trace';

export const GET = endpoint(routes.traceCsv, async ({ actor, params, query }) =>
	csvResponse(await traceCsv(actor, params.slug, query))
);
