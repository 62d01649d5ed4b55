import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listOutbox } from '$lib/server/notify';

export const GET = endpoint(routes.listOutbox, ({ actor, params }) =>
	listOutbox(actor, params.slug)
);
