// Prisma's CLI with a database to talk to: its commands connect through the adapter in prisma.config.ts
// even when they only compare schema files (`migrate diff`). Without DATABASE_URL, an embedded PostgreSQL
// of the CLI's own (in data/prisma-cli, never the app's) is started for the command and stopped after.
// `npm run db:diff -- …` runs `prisma migrate diff …` through this.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../src/lib/server/platform/index.ts';
import { startEmbeddedPostgres } from '../server/postgres/embedded.ts';

const config = loadConfig();
const embedded = config.databaseUrl
	? undefined
	: await startEmbeddedPostgres({ dir: join(config.dataDir, 'prisma-cli'), throwaway: true });
let status = 1;
try {
	status =
		spawnSync('npx', ['prisma', ...process.argv.slice(2)], {
			stdio: 'inherit',
			env: {
				...process.env,
				DATABASE_URL: config.databaseUrl ?? embedded!.url(),
				PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true',
				PRISMA_QUERY_ENGINE_LIBRARY: '/bin/true'
			}
		}).status ?? 1;
} finally {
	await embedded?.stop();
}
process.exit(status);
