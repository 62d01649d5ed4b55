import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { attachEvidenceFile, evidenceFile } from '$lib/server/evidence';
import { downloadResponse } from '$lib/server/http';

export const GET = endpoint(routes.downloadEvidenceFile, async ({ actor, params }) =>
	downloadResponse(await evidenceFile(actor, params.id, params.itemId))
);
export const POST = endpoint(routes.uploadEvidenceFile, ({ actor, params, upload }) =>
	attachEvidenceFile(actor, params.id, params.itemId, upload)
);
