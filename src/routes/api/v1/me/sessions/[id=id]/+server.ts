import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { endSession } from '$lib/server/auth';

export const DELETE = endpoint(routes.endSession, ({ actor, params }) =>
	endSession(actor, params.id)
);
