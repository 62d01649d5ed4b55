import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { addSeat } from '$lib/server/members';

export const POST = endpoint(routes.addSeat, ({ actor, params, body }) =>
	addSeat(actor, params.slug, params.id, body)
);
