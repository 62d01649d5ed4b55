import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { addPriorityFile } from '$lib/server/priority-files';

export const POST = endpoint(routes.addPriorityFile, ({ actor, params, upload }) =>
	addPriorityFile(actor, params.id, upload)
);
