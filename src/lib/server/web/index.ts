// The public face of web/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { endpoint } from './api/endpoint.ts';
export type { RouteSpec } from './api/endpoint.ts';
export { openData } from './api/open-data.ts';
export { openApiDocument } from './api/openapi.ts';
export { routes } from './api/routes.ts';
export { withLists } from './form-lists.ts';
export {
	clearSessionCookie,
	clientAddress,
	downloadResponse,
	errorResponse,
	forPage,
	formCommand,
	formFile,
	pageActor,
	requireConfirmed,
	safeNext,
	setDeviceCookie,
	setSessionCookie,
	signInSource
} from './http.ts';
export { changeActionStatus, todayInUk } from './register-page.ts';
export { reviewActions } from './review-page-actions.ts';
