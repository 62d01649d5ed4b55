import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { referralsTo } from '$lib/server/decisions';

export const GET = endpoint(routes.listReferrals, ({ actor, params }) =>
	referralsTo(actor, params.bodyId)
);
