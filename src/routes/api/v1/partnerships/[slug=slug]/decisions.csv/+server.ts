import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { decisionsCsv, csvResponse } from '$lib/server/exports';

export const GET = endpoint(routes.decisionsCsv, async ({ actor, params }) =>
	csvResponse(await decisionsCsv(actor, params.slug))
);
