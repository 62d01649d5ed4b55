import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { endSeat } from '$lib/server/members';

export const DELETE = endpoint(routes.endSeat, ({ actor, params }) =>
	endSeat(actor, params.slug, params.id)
);
