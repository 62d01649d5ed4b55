import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { csvResponse } from '$lib/server/decisions';
import { reviewMeasuresCsv } from '$lib/server/review';

export const GET = endpoint(routes.reviewMeasuresCsv, async ({ actor, params, query }) =>
	csvResponse(await reviewMeasuresCsv(actor, params.id, query))
);
