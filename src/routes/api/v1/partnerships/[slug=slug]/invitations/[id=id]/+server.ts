import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { revokeInvitation } from '$lib/server/invitations';

export const DELETE = endpoint(routes.revokeInvitation, ({ actor, params }) =>
	revokeInvitation(actor, params.slug, params.id)
);
