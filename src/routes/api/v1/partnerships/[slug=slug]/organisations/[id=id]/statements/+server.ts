import { endpoint, routes } from '$lib/server/web';
import { writeStatement } from '$lib/server/outcomes';

export const POST = endpoint(routes.writeStatement, ({ actor, params, body }) =>
	writeStatement(actor, params.slug, params.id, body)
);
