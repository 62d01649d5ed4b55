import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { recordPriorityEvent } from '$lib/server/priorities';

export const POST = endpoint(routes.recordPriorityEvent, ({ actor, params, body }) =>
	recordPriorityEvent(actor, params.id, body)
);
