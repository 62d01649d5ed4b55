import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { listNotifications } from '$lib/server/notifications';

export const GET = endpoint(routes.listNotifications, ({ actor }) => listNotifications(actor));
