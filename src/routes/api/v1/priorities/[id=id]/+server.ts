import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { getPriority } from '$lib/server/priorities';

export const GET = endpoint(routes.getPriority, ({ actor, params }) =>
	getPriority(actor, params.id)
);
