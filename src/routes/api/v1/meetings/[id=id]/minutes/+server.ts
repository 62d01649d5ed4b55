import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { getMinutes } from '$lib/server/minutes';

export const GET = endpoint(routes.getMinutes, ({ actor, params }) => getMinutes(actor, params.id));
