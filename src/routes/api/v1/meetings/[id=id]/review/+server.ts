import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { meetingReview } from '$lib/server/review';

export const GET = endpoint(routes.meetingReview, ({ actor, params }) =>
	meetingReview(actor, params.id)
);
