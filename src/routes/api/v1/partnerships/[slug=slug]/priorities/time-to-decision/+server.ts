import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { timeToDecision } from '$lib/server/priorities';

export const GET = endpoint(routes.timeToDecision, ({ actor, params }) =>
	timeToDecision(actor, params.slug)
);
