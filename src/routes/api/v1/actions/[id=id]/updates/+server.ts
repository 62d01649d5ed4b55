import { endpoint, routes } from '$lib/server/web';
import { reportProgress } from '$lib/server/decisions';

export const POST = endpoint(routes.reportProgress, ({ actor, params, body }) =>
	reportProgress(actor, params.id, body)
);
