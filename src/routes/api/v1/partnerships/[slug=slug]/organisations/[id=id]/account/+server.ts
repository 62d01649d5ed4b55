import { endpoint, routes } from '$lib/server/web';
import { partnerAccount } from '$lib/server/outcomes';

export const GET = endpoint(routes.partnerAccount, ({ actor, params }) =>
	partnerAccount(actor, params.slug, params.id)
);
