import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getSpeakers, requestToSpeak } from '$lib/server/meetings';

export const GET = endpoint(routes.getSpeakers, ({ actor, params }) =>
	getSpeakers(actor, params.id)
);
export const POST = endpoint(routes.requestToSpeak, ({ actor, params, body }) =>
	requestToSpeak(actor, params.id, body)
);
