import { endpoint, routes } from '$lib/server/web';
import { moderationQueue } from '$lib/server/priorities';

export const GET = endpoint(routes.residentCommentQueue, ({ actor, params }) =>
	moderationQueue(actor, params.slug)
);
