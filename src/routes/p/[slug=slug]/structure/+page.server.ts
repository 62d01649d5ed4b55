import { forPage, pageActor } from '$lib/server/web';
import { structureOf } from '$lib/server/structure';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	structure: await forPage(() => structureOf(pageActor(event), event.params.slug))
});
