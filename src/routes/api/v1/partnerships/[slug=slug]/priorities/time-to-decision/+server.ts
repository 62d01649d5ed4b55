import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { timeToDecision } from '$lib/server/trace';

export const GET = endpoint(routes.timeToDecision, ({ actor, params }) =>
	timeToDecision(actor, params.slug)
);
