// `npm run dev`: Vite's development server on the same database `npm start` uses. Without DATABASE_URL,
// the embedded PostgreSQL in the data folder is started (and migrated) first and stopped when Vite ends.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../src/lib/server/platform/index.ts';
import { startEmbeddedPostgres } from '../server/postgres/embedded.ts';
import { migrate } from '../server/postgres/migrate.ts';

const config = loadConfig();
const embedded = config.databaseUrl
	? undefined
	: await startEmbeddedPostgres({ dir: join(config.dataDir, 'postgres') });
const url = config.databaseUrl ?? embedded!.url();
const applied = await migrate(url);
if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);

const vite = spawn('npx', ['vite', 'dev', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, DATABASE_URL: url }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => vite.kill(signal));
vite.on('exit', async (code) => {
	await embedded?.stop();
	process.exit(code ?? 0);
});
