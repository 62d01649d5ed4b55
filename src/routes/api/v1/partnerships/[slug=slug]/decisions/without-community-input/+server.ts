import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { decisionsWithoutCommunityInput } from '$lib/server/priorities';

export const GET = endpoint(routes.decisionsWithoutCommunityInput, ({ actor, params, query }) =>
	decisionsWithoutCommunityInput(actor, params.slug, query)
);
