import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { attachEvidenceFile, evidenceFile } from '$lib/server/meetings';
import { downloadResponse } from '$lib/server/web';

export const GET = endpoint(routes.downloadEvidenceFile, async ({ actor, params }) =>
	downloadResponse(await evidenceFile(actor, params.id, params.itemId))
);
export const POST = endpoint(routes.uploadEvidenceFile, ({ actor, params, upload }) =>
	attachEvidenceFile(actor, params.id, params.itemId, upload)
);
