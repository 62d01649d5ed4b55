// The public face of review/: pages, API routes, the sync server and other concepts import from here.
export * from './api.ts';
export * from './access.ts';
export * from './coded-record.ts';
export * from './codes.ts';
export * from './coding.ts';
export * from './coding-screen.ts';
export * from './measures.ts';
export * from './publication.ts';
export * from './readers.ts';
export * from './record-reads.ts';
export * from './survey.ts';
export * from './trends.ts';
