import { downloadResponse, forPage, pageActor } from '$lib/server/http';
import { priorityFile } from '$lib/server/priority-files';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	downloadResponse(
		await forPage(() => priorityFile(pageActor(event), event.params.id, event.params.fileId))
	);
