import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { codesCsv } from '$lib/server/codes';
import { csvResponse } from '$lib/server/exports';

export const GET = endpoint(routes.codesCsv, async ({ actor, params }) =>
	csvResponse(await codesCsv(actor, params.id))
);
