import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { listCodes } from '$lib/server/codes';

export const GET = endpoint(routes.listCodes, ({ actor, params }) => listCodes(actor, params.id));
