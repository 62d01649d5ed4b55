import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { listSessions } from '$lib/server/auth';

export const GET = endpoint(routes.listSessions, ({ actor }) => listSessions(actor));
