import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { revokeInvitation } from '$lib/server/structure';

export const DELETE = endpoint(routes.revokeInvitation, ({ actor, params }) =>
	revokeInvitation(actor, params.slug, params.id)
);
