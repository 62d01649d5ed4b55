// What the register pages share on the server: the action status form and today's date in UK time.
import type { RequestEvent } from '@sveltejs/kit';
import { updateAction } from '../decisions/index.ts';
import { dayInUk } from '../../dates.ts';
import { formCommand, pageActor } from './http.ts';

/** Today as YYYY-MM-DD in UK time, to mark overdue actions. */
export function todayInUk(now = new Date()): string {
	return dayInUk(now);
}

/** The "change status" form under an action: its errors come back named after the action. */
export async function changeActionStatus(event: RequestEvent) {
	const data = await event.request.formData();
	const actionId = String(data.get('actionId') ?? '');
	return formCommand(
		data,
		async (values) => ({ updated: await updateAction(pageActor(event), actionId, values) }),
		`status-${actionId}`
	);
}
