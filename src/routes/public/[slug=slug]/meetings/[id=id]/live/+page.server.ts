import { forPage } from '$lib/server/web';
import { publicGallery } from '$lib/server/minutes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	gallery: (await forPage(() => publicGallery(params.slug, params.id))).data
});
