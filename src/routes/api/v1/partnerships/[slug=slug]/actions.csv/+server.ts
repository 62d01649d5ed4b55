import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { actionsCsv, csvResponse } from '$lib/server/exports';

export const GET = endpoint(routes.actionsCsv, async ({ actor, params }) =>
	csvResponse(await actionsCsv(actor, params.slug))
);
