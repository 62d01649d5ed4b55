import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { addRestrictedEvidence, listEvidence } from '$lib/server/evidence';

export const GET = endpoint(routes.listEvidence, ({ actor, params }) =>
	listEvidence(actor, params.id)
);
export const POST = endpoint(routes.addRestrictedEvidence, ({ actor, params, body }) =>
	addRestrictedEvidence(actor, params.id, body)
);
