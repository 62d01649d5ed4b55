import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { markRead } from '$lib/server/notify';

export const POST = endpoint(routes.markNotificationRead, ({ actor, params }) =>
	markRead(actor, params.id)
);
