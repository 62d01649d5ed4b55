import { listPartnerships } from '$lib/server/partnerships';
import { pageActor } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	partnerships: await listPartnerships(pageActor(event))
});
