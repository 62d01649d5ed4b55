import { forPage } from '$lib/server/http';
import { listPublicDecisions } from '$lib/server/public';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) =>
	forPage(() => listPublicDecisions(params.slug, Object.fromEntries(url.searchParams)));
