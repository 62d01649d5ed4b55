import { forPage } from '$lib/server/web';
import { listPublicDecisions } from '$lib/server/minutes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) =>
	forPage(() => listPublicDecisions(params.slug, Object.fromEntries(url.searchParams)));
