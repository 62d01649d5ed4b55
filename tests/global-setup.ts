// Before any test: a migrated template database that each test file copies, and a built app to serve.
// The template is kept between runs (and between Vitest and Playwright in one `npm test`) while the
// migrations it was made from are unchanged: migrating takes seconds, checking them takes none.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { resolve } from 'node:path';
import { TEMPLATE_DB, TEMPLATE_DIR, TMP_DIR } from './support/paths.ts';

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

/** Whether the template exists and was made from today's migrations. */
function fresh(digest: string): boolean {
	return existsSync(TEMPLATE_DB) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest;
}

/**
 * Vitest's and Playwright's global setups both call this, and may run at once (two terminals, say): the
 * template is migrated in a folder of its own and renamed into place, so nobody ever copies a
 * half-migrated one, and whichever finishes second keeps the first one's.
 */
export default function setup(): void {
	if (!existsSync('build/handler.js'))
		throw new Error('The app is not built: run `npm run build` (npm test does it for you).');
	const digest = migrationsDigest();
	if (fresh(digest)) return;
	mkdirSync(TMP_DIR, { recursive: true });
	const building = mkdtempSync(resolve(TMP_DIR, 'template-'));
	try {
		execFileSync('npm', ['run', '--silent', 'db:migrate'], {
			env: { ...process.env, DATA_DIR: building, DATABASE_URL: '' },
			stdio: 'pipe'
		});
		writeFileSync(resolve(building, 'migrations.sha256'), digest);
		if (fresh(digest)) return;
		rmSync(TEMPLATE_DIR, { recursive: true, force: true });
		try {
			renameSync(building, TEMPLATE_DIR);
		} catch (error) {
			if (!fresh(digest)) throw error;
		}
	} finally {
		rmSync(building, { recursive: true, force: true });
	}
}
