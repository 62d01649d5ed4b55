import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listChallengesOnEvidence } from '$lib/server/meetings';

export const GET = endpoint(routes.listChallengesOnEvidence, ({ actor, params }) =>
	listChallengesOnEvidence(actor, params.id, params.itemId)
);
