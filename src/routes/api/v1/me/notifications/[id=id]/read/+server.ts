import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { markRead } from '$lib/server/notifications';

export const POST = endpoint(routes.markNotificationRead, ({ actor, params }) =>
	markRead(actor, params.id)
);
