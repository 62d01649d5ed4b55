import { endpoint, routes } from '$lib/server/web';
import { commitResources } from '$lib/server/decisions';

export const POST = endpoint(routes.commitResources, ({ actor, params, body }) =>
	commitResources(actor, params.id, body)
);
