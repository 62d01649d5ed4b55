import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getPriority } from '$lib/server/priorities';

export const GET = endpoint(routes.getPriority, ({ actor, params }) =>
	getPriority(actor, params.id)
);
