import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { followMeeting } from '$lib/server/live';

export const GET = endpoint(routes.meetingEvents, ({ actor, params, event }) =>
	followMeeting(actor, params.id, event.request.signal)
);
