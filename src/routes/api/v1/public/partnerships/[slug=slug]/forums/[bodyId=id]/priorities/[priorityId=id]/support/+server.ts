import { clientAddress, endpoint, routes } from '$lib/server/web';
import { requestSupport } from '$lib/server/priorities';

export const POST = endpoint(routes.supportPriority, ({ event, params, body }) =>
	requestSupport(params.slug, params.bodyId, params.priorityId, body, clientAddress(event))
);
