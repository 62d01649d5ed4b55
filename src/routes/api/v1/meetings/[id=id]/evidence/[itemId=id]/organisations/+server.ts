import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { setEvidenceOrganisations } from '$lib/server/meetings';

export const PUT = endpoint(routes.setEvidenceOrganisations, ({ actor, params, body }) =>
	setEvidenceOrganisations(actor, params.id, params.itemId, body)
);
