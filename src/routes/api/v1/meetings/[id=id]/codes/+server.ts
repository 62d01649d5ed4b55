import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listCodes } from '$lib/server/review';

export const GET = endpoint(routes.listCodes, ({ actor, params }) => listCodes(actor, params.id));
