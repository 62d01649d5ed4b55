// Public pages: no sign-in, so no pageActor here; everything comes from public.ts and public-forum.ts.
import { forPage } from '$lib/server/http';
import { getPublicPartnership } from '$lib/server/public';
import { listPublicForums } from '$lib/server/public-forum';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params }) => {
	const [published, forums] = await forPage(() =>
		Promise.all([getPublicPartnership(params.slug), listPublicForums(params.slug)])
	);
	return { published, forums };
};
