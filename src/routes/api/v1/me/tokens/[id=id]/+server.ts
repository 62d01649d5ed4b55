import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { revokeAccessToken } from '$lib/server/auth/access-tokens';

export const DELETE = endpoint(routes.revokeToken, ({ actor, params }) =>
	revokeAccessToken(actor, params.id)
);
