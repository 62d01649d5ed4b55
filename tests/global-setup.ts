// Before any test: the tests' PostgreSQL with a migrated template database that each test file copies
// (tests/support/database.ts), and a built app to serve. The template is kept between runs while the
// migrations it was made from are unchanged: migrating takes a second, checking them takes none.
import { existsSync } from 'node:fs';
import { prepareTestDatabase } from './support/database.ts';

export default async function setup(): Promise<() => Promise<void>> {
	if (!existsSync('build/handler.js'))
		throw new Error('The app is not built: run `npm run build` (npm test does it for you).');
	return prepareTestDatabase();
}
