import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { createInvitation, listInvitations } from '$lib/server/structure';

export const GET = endpoint(routes.listInvitations, ({ actor, params }) =>
	listInvitations(actor, params.slug)
);
export const POST = endpoint(routes.createInvitation, ({ actor, params, body }) =>
	createInvitation(actor, params.slug, body)
);
