import { endpoint, routes } from '$lib/server/web';
import { confirmVoice } from '$lib/server/priorities';

export const POST = endpoint(routes.confirmResidentVoice, ({ body }) => confirmVoice(body));
