import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { setEvidenceOrganisations } from '$lib/server/evidence-organisations';

export const PUT = endpoint(routes.setEvidenceOrganisations, ({ actor, params, body }) =>
	setEvidenceOrganisations(actor, params.id, params.itemId, body)
);
