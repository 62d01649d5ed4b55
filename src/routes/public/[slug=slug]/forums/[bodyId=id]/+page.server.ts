import { forPage } from '$lib/server/web';
import { getPublicForum } from '$lib/server/priorities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	forum: await forPage(() => getPublicForum(params.slug, params.bodyId))
});
