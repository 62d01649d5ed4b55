import { forPage } from '$lib/server/http';
import { getPublicForum } from '$lib/server/public-forum';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	forum: await forPage(() => getPublicForum(params.slug, params.bodyId))
});
