import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { publishReview } from '$lib/server/review-publish';

export const POST = endpoint(routes.publishReview, ({ actor, params }) =>
	publishReview(actor, params.id)
);
