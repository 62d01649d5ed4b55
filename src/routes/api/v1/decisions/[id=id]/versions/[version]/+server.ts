// Read only: a version is never changed or deleted (other methods answer 405).
import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getDecisionVersion } from '$lib/server/decisions';

export const GET = endpoint(routes.getDecisionVersion, ({ actor, params }) =>
	getDecisionVersion(actor, params.id, params.version)
);
