// Public pages: no sign-in, so no pageActor here; everything comes from public.ts.
import { forPage } from '$lib/server/http';
import { getPublicPartnership } from '$lib/server/public';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params }) => ({
	published: await forPage(() => getPublicPartnership(params.slug))
});
