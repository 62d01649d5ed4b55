import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { approveMinutes } from '$lib/server/minutes';

export const POST = endpoint(routes.approveMinutes, ({ actor, params, body }) =>
	approveMinutes(actor, params.id, body)
);
