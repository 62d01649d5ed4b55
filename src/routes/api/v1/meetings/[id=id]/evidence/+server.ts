import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { addPaper, listEvidence } from '$lib/server/meetings';

export const GET = endpoint(routes.listEvidence, ({ actor, params }) =>
	listEvidence(actor, params.id)
);
export const POST = endpoint(routes.addPaper, ({ actor, params, body }) =>
	addPaper(actor, params.id, body)
);
