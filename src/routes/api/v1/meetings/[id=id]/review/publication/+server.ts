import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { publishReview } from '$lib/server/review';

export const POST = endpoint(routes.publishReview, ({ actor, params, body }) =>
	publishReview(actor, params.id, body)
);
