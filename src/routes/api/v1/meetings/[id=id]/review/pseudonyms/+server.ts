import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { pseudonymKey } from '$lib/server/review';

export const GET = endpoint(routes.reviewPseudonyms, ({ actor, params }) =>
	pseudonymKey(actor, params.id)
);
