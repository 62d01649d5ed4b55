import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { giveVerdict } from '$lib/server/priorities';

export const POST = endpoint(routes.giveFeedbackVerdict, ({ actor, params, body }) =>
	giveVerdict(actor, params.id, body)
);
