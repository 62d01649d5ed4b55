import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { getSpeakers, requestToSpeak } from '$lib/server/speakers';

export const GET = endpoint(routes.getSpeakers, ({ actor, params }) =>
	getSpeakers(actor, params.id)
);
export const POST = endpoint(routes.requestToSpeak, ({ actor, params, body }) =>
	requestToSpeak(actor, params.id, body)
);
