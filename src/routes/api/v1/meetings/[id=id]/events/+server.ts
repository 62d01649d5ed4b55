import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { followMeeting } from '$lib/server/meetings';

export const GET = endpoint(routes.meetingEvents, ({ actor, params, event }) =>
	followMeeting(actor, params.id, event.request.signal)
);
