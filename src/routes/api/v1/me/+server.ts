import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { describeMe } from '$lib/server/partnerships';

export const GET = endpoint(routes.me, ({ actor }) => describeMe(actor));
