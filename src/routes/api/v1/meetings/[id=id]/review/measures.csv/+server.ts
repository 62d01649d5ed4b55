import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { csvResponse } from '$lib/server/exports';
import { reviewMeasuresCsv } from '$lib/server/review';

export const GET = endpoint(routes.reviewMeasuresCsv, async ({ actor, params, query }) =>
	csvResponse(await reviewMeasuresCsv(actor, params.id, query))
);
