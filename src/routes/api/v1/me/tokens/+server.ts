import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { createAccessToken, listAccessTokens } from '$lib/server/auth/access-tokens';

export const GET = endpoint(routes.listTokens, ({ actor }) => listAccessTokens(actor));
export const POST = endpoint(routes.createToken, ({ actor, body }) =>
	createAccessToken(actor, body)
);
