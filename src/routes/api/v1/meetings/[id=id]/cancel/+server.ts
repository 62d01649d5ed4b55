import { routes } from '$lib/server/web';
import { cancelMeeting } from '$lib/server/meetings';
import { endpoint } from '$lib/server/web';

export const POST = endpoint(routes.cancelMeeting, ({ actor, params, body }) =>
	cancelMeeting(actor, params.id, body)
);
