// The public face of web/: pages, API routes, the sync server and other concepts import from here.
export * from './api/endpoint.ts';
export * from './api/open-data.ts';
export * from './api/openapi.ts';
export * from './api/routes.ts';
export * from './form-lists.ts';
export * from './http.ts';
export * from './register-page.ts';
export * from './review-page-actions.ts';
