import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { codesCsv } from '$lib/server/review';
import { csvResponse } from '$lib/server/decisions';

export const GET = endpoint(routes.codesCsv, async ({ actor, params }) =>
	csvResponse(await codesCsv(actor, params.id))
);
