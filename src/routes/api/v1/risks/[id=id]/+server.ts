import { endpoint, routes } from '$lib/server/web';
import { getRisk } from '$lib/server/outcomes';

export const GET = endpoint(routes.getRisk, ({ actor, params }) => getRisk(actor, params.id));
