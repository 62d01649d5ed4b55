// Before the browser tests: the tests' PostgreSQL (tests/global-setup.ts), then the demo partnership
// loaded ONCE into a data folder and database that every spec file's server copies (loading it takes far
// longer than copying it), and each demo account signed in once, its
// session cookie saved as Playwright storage state. The sessions live in that folder, so every copy
// accepts them and tests start signed in without going through the sign-in form (sign-in.spec.ts does).
import { request } from '@playwright/test';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import prepareDatabase from '../global-setup.ts';
import { DEMO_TEMPLATE_DIR, SIGNED_IN_DIR } from '../support/paths.ts';
import { freshDataDir, startServer } from '../support/server.ts';
import { DEMO_EMAILS, DEMO_PASSWORD, signedInStateFile } from './accounts.ts';

export default async function setup(): Promise<() => Promise<void>> {
	const stopDatabase = await prepareDatabase();
	const dataDir = await freshDataDir();
	const server = await startServer({ dataDir, demo: true, env: { NODE_ENV: 'test' } });
	try {
		rmSync(SIGNED_IN_DIR, { recursive: true, force: true });
		mkdirSync(SIGNED_IN_DIR, { recursive: true });
		await Promise.all(
			DEMO_EMAILS.map(async (email) => {
				const api = await request.newContext({ baseURL: server.url });
				try {
					const res = await api.post('/api/v1/auth/login', {
						data: { email, password: DEMO_PASSWORD }
					});
					if (!res.ok()) throw new Error(`${email} could not sign in: ${await res.text()}`);
					await api.storageState({ path: signedInStateFile(email) });
				} finally {
					await api.dispose();
				}
			})
		);
	} finally {
		await server.stop();
	}
	rmSync(DEMO_TEMPLATE_DIR, { recursive: true, force: true });
	renameSync(dataDir, resolve(DEMO_TEMPLATE_DIR));
	return stopDatabase;
}
