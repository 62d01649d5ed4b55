// Before any test: a migrated template database that each test file copies, and a built app to serve.
// The template is kept between runs (and between Vitest and Playwright in one `npm test`) while the
// migrations it was made from are unchanged: migrating takes seconds, checking them takes none.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TEMPLATE_DB, TEMPLATE_DIR } from './support/paths.ts';

const MIGRATIONS = resolve('prisma/migrations');
const STAMP = resolve(TEMPLATE_DIR, 'migrations.sha256');

/** A digest of every migration's name and SQL, in the order Prisma applies them. */
function migrationsDigest(): string {
	const hash = createHash('sha256');
	for (const entry of readdirSync(MIGRATIONS, { withFileTypes: true })
		.filter((e) => e.isDirectory())
		.map((e) => e.name)
		.sort()) {
		hash.update(`${entry}\n`);
		hash.update(readFileSync(resolve(MIGRATIONS, entry, 'migration.sql')));
	}
	return hash.digest('hex');
}

export default function setup(): void {
	if (!existsSync('build/handler.js'))
		throw new Error('The app is not built: run `npm run build` (npm test does it for you).');
	const digest = migrationsDigest();
	if (existsSync(TEMPLATE_DB) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest)
		return;
	rmSync(TEMPLATE_DIR, { recursive: true, force: true });
	mkdirSync(TEMPLATE_DIR, { recursive: true });
	execFileSync('npm', ['run', '--silent', 'db:migrate'], {
		env: { ...process.env, DATA_DIR: TEMPLATE_DIR, DATABASE_URL: '' },
		stdio: 'pipe'
	});
	writeFileSync(STAMP, digest);
}
