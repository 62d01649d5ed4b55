import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getCalendarFeed, newCalendarFeed } from '$lib/server/notify';

export const GET = endpoint(routes.getCalendarFeed, ({ actor }) => getCalendarFeed(actor));
export const POST = endpoint(routes.newCalendarFeed, ({ actor }) => newCalendarFeed(actor));
