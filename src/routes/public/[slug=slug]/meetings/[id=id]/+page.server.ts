import { forPage } from '$lib/server/http';
import { getPublicMeeting } from '$lib/server/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	meeting: await forPage(() => getPublicMeeting(params.slug, params.id))
});
