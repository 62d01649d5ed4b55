import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { getAttendance, recordAttendance } from '$lib/server/attendance';

export const GET = endpoint(routes.getAttendance, ({ actor, params }) =>
	getAttendance(actor, params.id)
);
export const POST = endpoint(routes.recordAttendance, ({ actor, params, body }) =>
	recordAttendance(actor, params.id, body)
);
