import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { giveVerdict } from '$lib/server/feedback';

export const POST = endpoint(routes.giveFeedbackVerdict, ({ actor, params, body }) =>
	giveVerdict(actor, params.id, body)
);
