import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { updateFeedback } from '$lib/server/feedback';

export const PATCH = endpoint(routes.updateFeedback, ({ actor, params, body }) =>
	updateFeedback(actor, params.id, body)
);
