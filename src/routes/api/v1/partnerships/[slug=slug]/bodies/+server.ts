import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { createBody, listBodies } from '$lib/server/structure';

export const GET = endpoint(routes.listBodies, ({ actor, params }) =>
	listBodies(actor, params.slug)
);
export const POST = endpoint(routes.createBody, ({ actor, params, body }) =>
	createBody(actor, params.slug, body)
);
