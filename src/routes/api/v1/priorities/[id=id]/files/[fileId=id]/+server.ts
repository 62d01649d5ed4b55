import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { downloadResponse } from '$lib/server/web';
import { priorityFile } from '$lib/server/priorities';

export const GET = endpoint(routes.downloadPriorityFile, async ({ actor, params }) =>
	downloadResponse(await priorityFile(actor, params.id, params.fileId))
);
