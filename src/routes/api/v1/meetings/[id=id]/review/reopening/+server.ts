import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { reopenReview } from '$lib/server/review-publish';

export const POST = endpoint(routes.reopenReview, ({ actor, params, body }) =>
	reopenReview(actor, params.id, body)
);
