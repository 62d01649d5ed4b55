// Read only: a version is never changed or deleted (other methods answer 405).
import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { getDecisionVersion } from '$lib/server/decision-register';

export const GET = endpoint(routes.getDecisionVersion, ({ actor, params }) =>
	getDecisionVersion(actor, params.id, params.version)
);
