import { listOutbox } from '$lib/server/notify';
import { forPage, pageActor } from '$lib/server/web';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	messages: await forPage(() => listOutbox(pageActor(event), event.params.slug))
});
