import { routes } from '$lib/server/api/routes';
import { openData } from '$lib/server/api/open-data';
import { listPublicResponses } from '$lib/server/public-forum';

export const GET = openData(routes.publicResponses, async ({ params }) =>
	listPublicResponses(params.slug)
);
