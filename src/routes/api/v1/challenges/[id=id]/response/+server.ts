import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { respondToChallenge } from '$lib/server/challenges';

export const POST = endpoint(routes.respondToChallenge, ({ actor, params, body }) =>
	respondToChallenge(actor, params.id, body)
);
