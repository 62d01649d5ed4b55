import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { publishFeedback } from '$lib/server/feedback';

export const POST = endpoint(routes.publishFeedback, ({ actor, params }) =>
	publishFeedback(actor, params.id)
);
