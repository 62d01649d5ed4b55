import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { createOrganisation, listOrganisations } from '$lib/server/organisations';

export const GET = endpoint(routes.listOrganisations, ({ actor, params }) =>
	listOrganisations(actor, params.slug)
);
export const POST = endpoint(routes.createOrganisation, ({ actor, params, body }) =>
	createOrganisation(actor, params.slug, body)
);
