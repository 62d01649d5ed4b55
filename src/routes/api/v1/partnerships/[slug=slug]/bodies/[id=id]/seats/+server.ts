import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { addSeat } from '$lib/server/structure';

export const POST = endpoint(routes.addSeat, ({ actor, params, body }) =>
	addSeat(actor, params.slug, params.id, body)
);
