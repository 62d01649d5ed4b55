import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { respondToChallenge } from '$lib/server/meetings';

export const POST = endpoint(routes.respondToChallenge, ({ actor, params, body }) =>
	respondToChallenge(actor, params.id, body)
);
