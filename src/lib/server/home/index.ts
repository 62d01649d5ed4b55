// The public face of home/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { homeFor } from './home.ts';
export type { HomeView } from './home.ts';
