import { endpoint, routes } from '$lib/server/web';
import { getOutcome } from '$lib/server/outcomes';

export const GET = endpoint(routes.getOutcome, ({ actor, params }) => getOutcome(actor, params.id));
