import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { mattersArising } from '$lib/server/decisions';

export const GET = endpoint(routes.mattersArising, ({ actor, params }) =>
	mattersArising(actor, params.id)
);
