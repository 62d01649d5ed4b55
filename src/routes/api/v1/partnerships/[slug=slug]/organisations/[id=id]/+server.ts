import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { updateOrganisation } from '$lib/server/organisations';

export const PATCH = endpoint(routes.updateOrganisation, ({ actor, params, body }) =>
	updateOrganisation(actor, params.slug, params.id, body)
);
