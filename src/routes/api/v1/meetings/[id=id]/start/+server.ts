import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { startMeeting } from '$lib/server/meetings';

export const POST = endpoint(routes.startMeeting, ({ actor, params }) =>
	startMeeting(actor, params.id)
);
