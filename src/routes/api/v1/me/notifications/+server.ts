import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listNotifications } from '$lib/server/notify';

export const GET = endpoint(routes.listNotifications, ({ actor }) => listNotifications(actor));
