import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { issueAgenda } from '$lib/server/meetings';

export const POST = endpoint(routes.issueAgenda, ({ actor, params, body }) =>
	issueAgenda(actor, params.id, body)
);
