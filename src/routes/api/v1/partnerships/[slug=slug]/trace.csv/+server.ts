import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { csvResponse } from '$lib/server/decisions';
import { traceCsv } from '$lib/server/priorities';

export const GET = endpoint(routes.traceCsv, async ({ actor, params, query }) =>
	csvResponse(await traceCsv(actor, params.slug, query))
);
