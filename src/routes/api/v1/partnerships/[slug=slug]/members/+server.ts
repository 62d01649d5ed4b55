import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { listMembers } from '$lib/server/members';

export const GET = endpoint(routes.listMembers, ({ actor, params }) =>
	listMembers(actor, params.slug)
);
