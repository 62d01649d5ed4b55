import { endpoint, routes } from '$lib/server/web';
import { moderateComment } from '$lib/server/priorities';

export const POST = endpoint(routes.moderateResidentComment, ({ actor, params, body }) =>
	moderateComment(actor, params.id, body)
);
