import { routes } from '$lib/server/web';
import { rescheduleMeeting } from '$lib/server/meetings';
import { endpoint } from '$lib/server/web';

export const POST = endpoint(routes.rescheduleMeeting, ({ actor, params, body }) =>
	rescheduleMeeting(actor, params.id, body)
);
