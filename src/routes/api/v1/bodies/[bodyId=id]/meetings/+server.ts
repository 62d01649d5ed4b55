import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listMeetings, scheduleMeeting } from '$lib/server/meetings';

export const GET = endpoint(routes.listMeetings, ({ actor, params }) =>
	listMeetings(actor, params.bodyId)
);
export const POST = endpoint(routes.scheduleMeeting, ({ actor, params, body }) =>
	scheduleMeeting(actor, params.bodyId, body)
);
