import type { RequestHandler } from '@sveltejs/kit';
import { databaseAnswers } from '$lib/server/platform';

export const GET: RequestHandler = async () =>
	(await databaseAnswers())
		? Response.json({ status: 'ok' })
		: Response.json({ status: 'database unavailable' }, { status: 503 });
