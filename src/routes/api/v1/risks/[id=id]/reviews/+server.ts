import { endpoint, routes } from '$lib/server/web';
import { recordRiskReview } from '$lib/server/outcomes';

export const POST = endpoint(routes.recordRiskReview, ({ actor, params, body }) =>
	recordRiskReview(actor, params.id, body)
);
