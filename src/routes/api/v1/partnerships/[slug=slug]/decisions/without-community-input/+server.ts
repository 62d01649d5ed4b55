import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { decisionsWithoutCommunityInput } from '$lib/server/trace';

export const GET = endpoint(routes.decisionsWithoutCommunityInput, ({ actor, params, query }) =>
	decisionsWithoutCommunityInput(actor, params.slug, query)
);
