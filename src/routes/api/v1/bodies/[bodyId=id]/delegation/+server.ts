import { endpoint, routes } from '$lib/server/web';
import { delegationScheme, writeDelegationScheme } from '$lib/server/structure';

export const GET = endpoint(routes.getDelegationScheme, ({ actor, params }) =>
	delegationScheme(actor, params.bodyId)
);
export const POST = endpoint(routes.writeDelegationScheme, ({ actor, params, body }) =>
	writeDelegationScheme(actor, params.bodyId, body)
);
