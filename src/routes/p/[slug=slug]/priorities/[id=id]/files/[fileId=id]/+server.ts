import { downloadResponse, forPage, pageActor } from '$lib/server/web';
import { priorityFile } from '$lib/server/priorities';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
	downloadResponse(
		await forPage(() => priorityFile(pageActor(event), event.params.id, event.params.fileId))
	);
