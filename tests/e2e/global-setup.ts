// Before the browser tests: a migrated database with the demo partnership, served on a free port. The
// address reaches the tests through E2E_BASE_URL, the data folder (for tests that arrange records the
// pages cannot yet make) through E2E_DATA_DIR; the returned function stops the server afterwards.
import createTemplate from '../global-setup.ts';
import { startServer } from '../support/server.ts';

export default async function setup() {
	createTemplate();
	const server = await startServer({ demo: true, env: { NODE_ENV: 'test' } });
	process.env.E2E_BASE_URL = server.url;
	process.env.E2E_DATA_DIR = server.dataDir;
	return () => server.stop();
}
