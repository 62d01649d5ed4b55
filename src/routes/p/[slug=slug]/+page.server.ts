import { forPage, pageActor } from '$lib/server/web';
import { homeFor } from '$lib/server/home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	home: await forPage(() => homeFor(pageActor(event), event.params.slug))
});
