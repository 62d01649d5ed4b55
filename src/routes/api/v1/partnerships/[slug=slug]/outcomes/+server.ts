import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { createOutcome, listOutcomes } from '$lib/server/outcomes';

export const GET = endpoint(routes.listOutcomes, ({ actor, params }) =>
	listOutcomes(actor, params.slug)
);
export const POST = endpoint(routes.createOutcome, ({ actor, params, body }) =>
	createOutcome(actor, params.slug, body)
);
