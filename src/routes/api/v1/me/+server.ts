import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { describeMe } from '$lib/server/structure';

export const GET = endpoint(routes.me, ({ actor }) => describeMe(actor));
