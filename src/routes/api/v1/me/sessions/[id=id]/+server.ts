import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { endSession } from '$lib/server/auth/my-sessions';

export const DELETE = endpoint(routes.endSession, ({ actor, params }) =>
	endSession(actor, params.id)
);
