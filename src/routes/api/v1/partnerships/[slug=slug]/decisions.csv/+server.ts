import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { decisionsCsv, csvResponse } from '$lib/server/decisions';

export const GET = endpoint(routes.decisionsCsv, async ({ actor, params }) =>
	csvResponse(await decisionsCsv(actor, params.slug))
);
