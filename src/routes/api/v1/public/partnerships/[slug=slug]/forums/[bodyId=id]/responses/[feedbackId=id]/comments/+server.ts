import { clientAddress, endpoint, routes } from '$lib/server/web';
import { requestComment } from '$lib/server/priorities';

export const POST = endpoint(routes.commentOnResponse, ({ event, params, body }) =>
	requestComment(params.slug, params.bodyId, params.feedbackId, body, clientAddress(event))
);
