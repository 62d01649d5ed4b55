// Prisma runs here with its JavaScript engines and the better-sqlite3 adapter: the native engines cannot
// be downloaded on our machines (see ../shared/STACK.md). The database file comes from the same validated
// configuration the server uses, so the CLI and the app always agree on where the data lives.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
// The configuration module itself, not the platform's face: the CLI reads this file before `prisma generate`
// has written the client, which the face's database module imports.
import { loadConfig, sqliteFile } from './src/lib/server/platform/config.ts';

export default defineConfig({
	experimental: { adapter: true },
	engine: 'js',
	schema: 'prisma/schema.prisma',
	async adapter() {
		const file = sqliteFile(loadConfig().databaseUrl);
		mkdirSync(dirname(file), { recursive: true });
		return new PrismaBetterSQLite3({ url: file });
	}
});
