import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listPriorities, raisePriority } from '$lib/server/priorities';

export const GET = endpoint(routes.listPriorities, ({ actor, params }) =>
	listPriorities(actor, params.bodyId)
);
export const POST = endpoint(routes.raisePriority, ({ actor, params, body }) =>
	raisePriority(actor, params.bodyId, body)
);
