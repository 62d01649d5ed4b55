import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { downloadResponse } from '$lib/server/http';
import { priorityFile } from '$lib/server/priority-files';

export const GET = endpoint(routes.downloadPriorityFile, async ({ actor, params }) =>
	downloadResponse(await priorityFile(actor, params.id, params.fileId))
);
