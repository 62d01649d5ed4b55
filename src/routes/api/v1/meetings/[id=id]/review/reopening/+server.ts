import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { reopenReview } from '$lib/server/review';

export const POST = endpoint(routes.reopenReview, ({ actor, params, body }) =>
	reopenReview(actor, params.id, body)
);
