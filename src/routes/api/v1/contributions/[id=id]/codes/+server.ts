import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { recordCodes } from '$lib/server/codes';

export const POST = endpoint(routes.recordCodes, ({ actor, params, body }) =>
	recordCodes(actor, params.id, body)
);
