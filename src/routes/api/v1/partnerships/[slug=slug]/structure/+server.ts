import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { structureOf } from '$lib/server/structure';

export const GET = endpoint(routes.structure, ({ actor, params }) =>
	structureOf(actor, params.slug)
);
