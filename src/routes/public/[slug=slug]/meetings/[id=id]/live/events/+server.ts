// The public gallery's event stream: the gallery's view whole, when it opens and after every change.
import { followGallery } from '$lib/server/minutes';
import { forPage } from '$lib/server/web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, request }) =>
	forPage(() => followGallery(params.slug, params.id, request.signal));
