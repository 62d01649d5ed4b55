import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getMinutes } from '$lib/server/minutes';

export const GET = endpoint(routes.getMinutes, ({ actor, params }) => getMinutes(actor, params.id));
