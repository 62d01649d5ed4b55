import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { setCurrentItem } from '$lib/server/meetings';

export const POST = endpoint(routes.setCurrentItem, ({ actor, params, body }) =>
	setCurrentItem(actor, params.id, body)
);
