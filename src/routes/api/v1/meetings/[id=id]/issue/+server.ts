import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { issueAgenda } from '$lib/server/meetings';

export const POST = endpoint(routes.issueAgenda, ({ actor, params }) =>
	issueAgenda(actor, params.id)
);
