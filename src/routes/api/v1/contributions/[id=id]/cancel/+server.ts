import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { cancelRequest } from '$lib/server/speakers';

export const POST = endpoint(routes.cancelRequest, ({ actor, params }) =>
	cancelRequest(actor, params.id)
);
