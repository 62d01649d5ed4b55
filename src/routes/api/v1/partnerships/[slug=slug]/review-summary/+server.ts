import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { reviewSummary } from '$lib/server/review-trends';

export const GET = endpoint(routes.reviewSummary, ({ actor, params, query }) =>
	reviewSummary(actor, params.slug, query)
);
