import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { setCurrentItem } from '$lib/server/meetings';

export const POST = endpoint(routes.setCurrentItem, ({ actor, params, body }) =>
	setCurrentItem(actor, params.id, body)
);
