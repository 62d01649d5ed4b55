// Unknown API paths answer in the API's error shape rather than with an HTML page.
import type { RequestHandler } from '@sveltejs/kit';
import { NotFound } from '$lib/server/platform';
import { errorResponse } from '$lib/server/web';

export const fallback: RequestHandler = ({ locals }) =>
	errorResponse(new NotFound('API route'), locals);
