// The public face of priorities/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './events.ts';
export * from './files.ts';
export * from './flow.ts';
export * from './public-forum.ts';
export * from './raise.ts';
export * from './register.ts';
export * from './response-draft.ts';
export * from './responses.ts';
export * from './verdicts.ts';
export * from './timeline.ts';
export * from './trace.ts';
export * from './trace-measures.ts';
export * from './trace-shapes.ts';
export * from './views.ts';
