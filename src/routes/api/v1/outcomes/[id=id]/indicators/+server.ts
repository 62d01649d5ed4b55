import { endpoint, routes } from '$lib/server/web';
import { defineIndicator } from '$lib/server/outcomes';

export const POST = endpoint(routes.defineIndicator, ({ actor, params, body }) =>
	defineIndicator(actor, params.id, body)
);
