import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { getAttendance, recordAttendance } from '$lib/server/meetings';

export const GET = endpoint(routes.getAttendance, ({ actor, params }) =>
	getAttendance(actor, params.id)
);
export const POST = endpoint(routes.recordAttendance, ({ actor, params, body }) =>
	recordAttendance(actor, params.id, body)
);
