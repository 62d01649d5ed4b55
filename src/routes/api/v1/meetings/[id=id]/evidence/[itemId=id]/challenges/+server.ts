import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { listChallengesOnEvidence } from '$lib/server/challenges';

export const GET = endpoint(routes.listChallengesOnEvidence, ({ actor, params }) =>
	listChallengesOnEvidence(actor, params.id, params.itemId)
);
