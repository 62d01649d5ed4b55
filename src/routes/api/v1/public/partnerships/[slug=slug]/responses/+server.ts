import { routes } from '$lib/server/web';
import { openData } from '$lib/server/web';
import { listPublicResponses } from '$lib/server/priorities';

export const GET = openData(routes.publicResponses, async ({ params }) =>
	listPublicResponses(params.slug)
);
