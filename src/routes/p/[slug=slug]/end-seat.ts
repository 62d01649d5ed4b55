// The "End seat" form action, shared by a body's page and a member's page.
import type { RequestEvent } from '@sveltejs/kit';
import { formCommand, pageActor } from '$lib/server/web';
import { endSeat } from '$lib/server/structure';

export async function endSeatAction(event: RequestEvent<{ slug: string }>) {
	return formCommand(
		await event.request.formData(),
		async (values) => {
			await endSeat(pageActor(event), event.params.slug, String(values.seatId));
			return { ended: true };
		},
		'endSeat'
	);
}
