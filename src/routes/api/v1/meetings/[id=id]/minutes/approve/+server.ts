import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { approveMinutes } from '$lib/server/minutes';

export const POST = endpoint(routes.approveMinutes, ({ actor, params, body }) =>
	approveMinutes(actor, params.id, body)
);
