import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { actionsCsv, csvResponse } from '$lib/server/decisions';

export const GET = endpoint(routes.actionsCsv, async ({ actor, params }) =>
	csvResponse(await actionsCsv(actor, params.slug))
);
