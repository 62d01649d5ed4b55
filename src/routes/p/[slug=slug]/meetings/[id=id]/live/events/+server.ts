// The live page's event stream: its shared view whole, when it opens and after every change.
import { error } from '@sveltejs/kit';
import { followLiveMeeting } from '$lib/server/decisions';
import { forPage } from '$lib/server/web';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, request }) => {
	// An event source cannot follow the sign-in page's redirect: it is told instead.
	if (!locals.actor) error(401, 'Sign in to follow this meeting.');
	const actor = locals.actor;
	return forPage(() => followLiveMeeting(actor, params.id, request.signal));
};
