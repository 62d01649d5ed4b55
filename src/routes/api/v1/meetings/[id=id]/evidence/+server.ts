import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { addRestrictedEvidence, listEvidence } from '$lib/server/meetings';

export const GET = endpoint(routes.listEvidence, ({ actor, params }) =>
	listEvidence(actor, params.id)
);
export const POST = endpoint(routes.addRestrictedEvidence, ({ actor, params, body }) =>
	addRestrictedEvidence(actor, params.id, body)
);
