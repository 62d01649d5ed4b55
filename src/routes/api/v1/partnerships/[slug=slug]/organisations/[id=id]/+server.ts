import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { updateOrganisation } from '$lib/server/structure';

export const PATCH = endpoint(routes.updateOrganisation, ({ actor, params, body }) =>
	updateOrganisation(actor, params.slug, params.id, body)
);
