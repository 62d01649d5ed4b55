import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { createAccessToken, listAccessTokens } from '$lib/server/auth';

export const GET = endpoint(routes.listTokens, ({ actor }) => listAccessTokens(actor));
export const POST = endpoint(routes.createToken, ({ actor, body }) =>
	createAccessToken(actor, body)
);
