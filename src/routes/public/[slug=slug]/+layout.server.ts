// Public pages: no sign-in, so no pageActor here; everything comes from minutes/public-record.ts and priorities/public-forum.ts.
import { forPage } from '$lib/server/web';
import { getPublicPartnership } from '$lib/server/minutes';
import { listPublicForums } from '$lib/server/priorities';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params }) => {
	const [published, forums] = await forPage(() =>
		Promise.all([getPublicPartnership(params.slug), listPublicForums(params.slug)])
	);
	return { published, forums };
};
