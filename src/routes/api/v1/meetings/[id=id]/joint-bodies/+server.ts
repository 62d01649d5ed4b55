import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { changeJointBody } from '$lib/server/meetings';

export const POST = endpoint(routes.changeJointBody, ({ actor, params, body }) =>
	changeJointBody(actor, params.id, body)
);
