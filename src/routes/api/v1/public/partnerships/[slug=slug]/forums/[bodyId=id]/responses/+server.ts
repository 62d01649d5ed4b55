import { routes } from '$lib/server/web';
import { openData } from '$lib/server/web';
import { listPublicResponses } from '$lib/server/priorities';

export const GET = openData(routes.publicForumResponses, async ({ params }) =>
	listPublicResponses(params.slug, params.bodyId)
);
