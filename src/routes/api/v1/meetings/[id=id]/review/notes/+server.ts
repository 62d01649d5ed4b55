import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { addReviewNote } from '$lib/server/review';

export const POST = endpoint(routes.addReviewNote, ({ actor, params, body }) =>
	addReviewNote(actor, params.id, body)
);
