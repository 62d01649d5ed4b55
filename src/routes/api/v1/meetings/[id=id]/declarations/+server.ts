import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { declareInterest, listDeclarations } from '$lib/server/meetings';

export const GET = endpoint(routes.listDeclarations, ({ actor, params, event }) =>
	listDeclarations(actor, params.id, { history: event.url.searchParams.get('history') === 'true' })
);
export const POST = endpoint(routes.declareInterest, ({ actor, params, body }) =>
	declareInterest(actor, params.id, body)
);
