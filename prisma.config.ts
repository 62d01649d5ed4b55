// Prisma runs here with its JavaScript engines: the native engines cannot be downloaded on our machines
// (see ../shared/STACK.md). `npm run db:generate` and `npm run db:diff` need no database. The app applies
// migrations itself (`npm run migrate`, server/postgres/migrate.ts); Prisma's own commands that talk to a
// database (`prisma migrate status`, say) use DATABASE_URL, read through the app's configuration.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
// The configuration module itself, not the platform's face: the CLI reads this file before `prisma generate`
// has written the client, which the face's database module imports.
import { loadConfig } from './src/lib/server/platform/config.ts';

export default defineConfig({
	experimental: { adapter: true },
	engine: 'js',
	schema: 'prisma/schema.prisma',
	async adapter() {
		// The CLI asks for an adapter even for commands that never connect (migrate diff between schema
		// files); without DATABASE_URL it gets one on an address nothing answers at.
		const url = loadConfig().databaseUrl ?? 'postgresql://localhost:1/no-database-url';
		return new PrismaPg({ connectionString: url });
	}
});
