import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { recordPriorityEvent } from '$lib/server/priorities';

export const POST = endpoint(routes.recordPriorityEvent, ({ actor, params, body }) =>
	recordPriorityEvent(actor, params.id, body)
);
