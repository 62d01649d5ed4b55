import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { publishFeedback } from '$lib/server/priorities';

export const POST = endpoint(routes.publishFeedback, ({ actor, params }) =>
	publishFeedback(actor, params.id)
);
