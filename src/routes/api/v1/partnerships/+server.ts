import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listPartnerships } from '$lib/server/structure';

export const GET = endpoint(routes.partnerships, ({ actor }) => listPartnerships(actor));
