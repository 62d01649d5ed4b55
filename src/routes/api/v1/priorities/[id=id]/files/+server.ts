import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { addPriorityFile } from '$lib/server/priorities';

export const POST = endpoint(routes.addPriorityFile, ({ actor, params, upload }) =>
	addPriorityFile(actor, params.id, upload)
);
