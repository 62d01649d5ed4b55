// A person's private calendar feed (text/calendar), at the secret address their settings page made.
import { calendarFeedText } from '$lib/server/notify';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const token = params.file.endsWith('.ics') ? params.file.slice(0, -4) : params.file;
	try {
		return new Response(await calendarFeedText(token), {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'cache-control': 'private, no-store'
			}
		});
	} catch {
		return new Response('No calendar at this address: it may have been replaced by a new one.', {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
};
