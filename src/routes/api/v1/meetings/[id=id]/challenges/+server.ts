import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { listChallenges, raiseChallenge } from '$lib/server/challenges';

export const GET = endpoint(routes.listChallenges, ({ actor, params, query }) =>
	listChallenges(actor, params.id, query)
);
export const POST = endpoint(routes.raiseChallenge, ({ actor, params, body }) =>
	raiseChallenge(actor, params.id, body)
);
