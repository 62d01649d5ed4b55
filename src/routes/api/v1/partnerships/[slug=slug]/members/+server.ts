import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listMembers } from '$lib/server/structure';

export const GET = endpoint(routes.listMembers, ({ actor, params }) =>
	listMembers(actor, params.slug)
);
