import { forPage } from '$lib/server/web';
import { getPublicMeeting } from '$lib/server/minutes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	meeting: await forPage(() => getPublicMeeting(params.slug, params.id))
});
