import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { getMeeting } from '$lib/server/meetings';

export const GET = endpoint(routes.getMeeting, ({ actor, params }) => getMeeting(actor, params.id));
