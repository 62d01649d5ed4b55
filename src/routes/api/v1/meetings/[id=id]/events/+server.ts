import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { meetingEventStream } from '$lib/server/live';
import { meetingContext } from '$lib/server/permissions';
import { stillSignedIn } from '$lib/server/revocation';

export const GET = endpoint(routes.meetingEvents, async ({ actor, params, event }) => {
	// Anyone who may read the meeting may follow it; the events carry no content, only that it changed.
	await meetingContext(actor, params.id);
	return meetingEventStream(params.id, event.request.signal, {
		userId: actor.userId,
		// Signed out, or out of the partnership: the stream ends (revocation.ts says when to ask).
		stillAllowed: async () =>
			(await stillSignedIn(actor)) &&
			(await meetingContext(actor, params.id).then(
				() => true,
				() => false
			))
	});
});
