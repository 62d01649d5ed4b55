import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { endSeat } from '$lib/server/structure';

export const DELETE = endpoint(routes.endSeat, ({ actor, params }) =>
	endSeat(actor, params.slug, params.id)
);
