import { routes } from '$lib/server/web';
import { endpoint } from '$lib/server/web';
import { retryMail } from '$lib/server/notify';

export const POST = endpoint(routes.retryMail, ({ actor, params }) =>
	retryMail(actor, params.slug, params.id)
);
