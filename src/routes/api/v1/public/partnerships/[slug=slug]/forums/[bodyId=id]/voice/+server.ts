import { routes } from '$lib/server/web';
import { openData } from '$lib/server/web';
import { publicVoice } from '$lib/server/priorities';

export const GET = openData(routes.publicForumVoice, async ({ params }) =>
	publicVoice(params.slug, params.bodyId)
);
