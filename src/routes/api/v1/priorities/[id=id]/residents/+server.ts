import { endpoint, routes } from '$lib/server/web';
import { priorityVoice } from '$lib/server/priorities';

export const GET = endpoint(routes.priorityResidentVoice, ({ actor, params }) =>
	priorityVoice(actor, params.id)
);
