import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getMember, removeMember, updateMember } from '$lib/server/structure';

export const GET = endpoint(routes.getMember, ({ actor, params }) =>
	getMember(actor, params.slug, params.id)
);
export const PATCH = endpoint(routes.updateMember, ({ actor, params, body }) =>
	updateMember(actor, params.slug, params.id, body)
);
export const DELETE = endpoint(routes.removeMember, ({ actor, params }) =>
	removeMember(actor, params.slug, params.id)
);
