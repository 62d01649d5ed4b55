import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getMeeting } from '$lib/server/meetings';

export const GET = endpoint(routes.getMeeting, ({ actor, params }) => getMeeting(actor, params.id));
