import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { updateFeedback } from '$lib/server/priorities';

export const PATCH = endpoint(routes.updateFeedback, ({ actor, params, body }) =>
	updateFeedback(actor, params.id, body)
);
