import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { cancelRequest } from '$lib/server/meetings';

export const POST = endpoint(routes.cancelRequest, ({ actor, params }) =>
	cancelRequest(actor, params.id)
);
