import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { mattersArising } from '$lib/server/actions';

export const GET = endpoint(routes.mattersArising, ({ actor, params }) =>
	mattersArising(actor, params.id)
);
