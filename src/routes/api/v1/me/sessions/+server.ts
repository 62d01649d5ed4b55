import { routes } from '$lib/server/api/routes';
import { endpoint } from '$lib/server/api/endpoint';
import { listSessions } from '$lib/server/auth/my-sessions';

export const GET = endpoint(routes.listSessions, ({ actor }) => listSessions(actor));
