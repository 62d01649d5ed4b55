import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { createOrganisation, listOrganisations } from '$lib/server/structure';

export const GET = endpoint(routes.listOrganisations, ({ actor, params }) =>
	listOrganisations(actor, params.slug)
);
export const POST = endpoint(routes.createOrganisation, ({ actor, params, body }) =>
	createOrganisation(actor, params.slug, body)
);
