import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { reviewTrends } from '$lib/server/review';

export const GET = endpoint(routes.reviewTrends, ({ actor, params }) =>
	reviewTrends(actor, params.bodyId)
);
