import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { startMeeting } from '$lib/server/meetings';

export const POST = endpoint(routes.startMeeting, ({ actor, params }) =>
	startMeeting(actor, params.id)
);
