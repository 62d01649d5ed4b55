import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { meetingReview } from '$lib/server/review';

export const GET = endpoint(routes.meetingReview, ({ actor, params }) =>
	meetingReview(actor, params.id)
);
