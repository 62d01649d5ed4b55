import { endpoint, routes } from '$lib/server/web';
import { recordReading } from '$lib/server/outcomes';

export const POST = endpoint(routes.recordReading, ({ actor, params, body }) =>
	recordReading(actor, params.id, body)
);
