import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { listPartnerships } from '$lib/server/partnerships';

export const GET = endpoint(routes.partnerships, ({ actor }) => listPartnerships(actor));
