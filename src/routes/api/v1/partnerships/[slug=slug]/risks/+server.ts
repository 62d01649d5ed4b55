import { endpoint, routes } from '$lib/server/web';
import { defineRisk, listRisks } from '$lib/server/outcomes';

export const GET = endpoint(routes.listRisks, ({ actor, params, query }) =>
	listRisks(actor, params.slug, query)
);
export const POST = endpoint(routes.defineRisk, ({ actor, params, body }) =>
	defineRisk(actor, params.slug, body)
);
