import { forPage, pageActor } from '$lib/server/http';
import { structureOf } from '$lib/server/partnerships';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	structure: await forPage(() => structureOf(pageActor(event), event.params.slug))
});
