import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { structureOf } from '$lib/server/partnerships';

export const GET = endpoint(routes.structure, ({ actor, params }) =>
	structureOf(actor, params.slug)
);
