import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { recordCodes } from '$lib/server/review';

export const POST = endpoint(routes.recordCodes, ({ actor, params, body }) =>
	recordCodes(actor, params.id, body)
);
