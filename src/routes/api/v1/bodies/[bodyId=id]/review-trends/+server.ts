import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { reviewTrends } from '$lib/server/review-trends';

export const GET = endpoint(routes.reviewTrends, ({ actor, params }) =>
	reviewTrends(actor, params.bodyId)
);
