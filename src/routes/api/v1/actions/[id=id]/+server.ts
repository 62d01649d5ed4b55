import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { actionProgress, updateAction } from '$lib/server/decisions';

export const GET = endpoint(routes.getAction, ({ actor, params }) =>
	actionProgress(actor, params.id)
);
export const PATCH = endpoint(routes.updateAction, ({ actor, params, body }) =>
	updateAction(actor, params.id, body)
);
