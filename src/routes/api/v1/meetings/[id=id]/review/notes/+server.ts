import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { addReviewNote } from '$lib/server/review-publish';

export const POST = endpoint(routes.addReviewNote, ({ actor, params, body }) =>
	addReviewNote(actor, params.id, body)
);
