import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { createOutcome, listOutcomes } from '$lib/server/outcomes';

export const GET = endpoint(routes.listOutcomes, ({ actor, params }) =>
	listOutcomes(actor, params.slug)
);
export const POST = endpoint(routes.createOutcome, ({ actor, params, body }) =>
	createOutcome(actor, params.slug, body)
);
