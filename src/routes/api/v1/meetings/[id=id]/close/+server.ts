import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { closeMeeting } from '$lib/server/minutes';

export const POST = endpoint(routes.closeMeeting, ({ actor, params }) =>
	closeMeeting(actor, params.id)
);
