import { endpoint, routes } from '$lib/server/web';
import { importReadings } from '$lib/server/outcomes';

export const POST = endpoint(routes.importReadings, ({ actor, params, body }) =>
	importReadings(actor, params.id, body)
);
