import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { reviewSummary } from '$lib/server/review';

export const GET = endpoint(routes.reviewSummary, ({ actor, params, query }) =>
	reviewSummary(actor, params.slug, query)
);
