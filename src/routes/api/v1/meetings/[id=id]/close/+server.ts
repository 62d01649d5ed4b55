import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { closeMeeting } from '$lib/server/minutes';

export const POST = endpoint(routes.closeMeeting, ({ actor, params }) =>
	closeMeeting(actor, params.id)
);
