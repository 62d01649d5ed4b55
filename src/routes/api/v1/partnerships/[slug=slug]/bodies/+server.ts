import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { createBody, listBodies } from '$lib/server/bodies';

export const GET = endpoint(routes.listBodies, ({ actor, params }) =>
	listBodies(actor, params.slug)
);
export const POST = endpoint(routes.createBody, ({ actor, params, body }) =>
	createBody(actor, params.slug, body)
);
