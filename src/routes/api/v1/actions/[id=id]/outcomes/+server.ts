import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { tagAction } from '$lib/server/outcomes';

export const PUT = endpoint(routes.tagActionOutcomes, ({ actor, params, body }) =>
	tagAction(actor, params.id, body)
);
