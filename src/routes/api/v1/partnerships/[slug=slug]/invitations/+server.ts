import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { createInvitation, listInvitations } from '$lib/server/invitations';

export const GET = endpoint(routes.listInvitations, ({ actor, params }) =>
	listInvitations(actor, params.slug)
);
export const POST = endpoint(routes.createInvitation, ({ actor, params, body }) =>
	createInvitation(actor, params.slug, body)
);
