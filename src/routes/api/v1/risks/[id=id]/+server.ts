import { endpoint, routes } from '$lib/server/web';
import { editRisk, getRisk } from '$lib/server/outcomes';

export const GET = endpoint(routes.getRisk, ({ actor, params }) => getRisk(actor, params.id));
export const PATCH = endpoint(routes.editRisk, ({ actor, params, body }) =>
	editRisk(actor, params.id, body)
);
