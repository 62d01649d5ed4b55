import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listChallenges, raiseChallenge } from '$lib/server/meetings';

export const GET = endpoint(routes.listChallenges, ({ actor, params, query }) =>
	listChallenges(actor, params.id, query)
);
export const POST = endpoint(routes.raiseChallenge, ({ actor, params, body }) =>
	raiseChallenge(actor, params.id, body)
);
