import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { revokeAccessToken } from '$lib/server/auth';

export const DELETE = endpoint(routes.revokeToken, ({ actor, params }) =>
	revokeAccessToken(actor, params.id)
);
