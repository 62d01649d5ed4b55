import { endpoint, routes } from '$lib/server/web';
import { recordRatification } from '$lib/server/decisions';

export const POST = endpoint(routes.recordRatification, ({ actor, params, body }) =>
	recordRatification(actor, params.id, body)
);
