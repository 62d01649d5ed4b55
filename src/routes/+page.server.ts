import { listPartnerships } from '$lib/server/structure';
import { pageActor } from '$lib/server/web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	partnerships: await listPartnerships(pageActor(event))
});
