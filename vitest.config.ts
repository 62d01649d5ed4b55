// Vitest in three projects. `unit`: pure functions and components, no build, no server, no database
// (`npx vitest run --project unit` runs in seconds on a fresh clone). `integration` and `in-process`:
// the real server, started per test file from the built app on a database of the file's own, after the
// global setup has migrated the template database every file copies (`--project 'i*'` runs both).
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { queryPlans } from './vite.config.ts';

/**
 * The files that take longest, longest first. Vitest orders files by how long they took last time, but a
 * fresh clone has no last time, and then it starts the biggest files first: `sync-crash` (22 server restarts,
 * 35 s) came last and one core sat idle for its final 15 s. Files not named here follow Vitest's order.
 */
const LONGEST = [
	'instances',
	'sync-crash',
	'leak-sweep',
	'rate-limit',
	'bad-input',
	'sync-fuzz',
	'permissions',
	'demo'
].map((name) => `/tests/integration/${name}.test.ts`);

class LongestFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const rank = (file: TestSpecification) => {
			const at = LONGEST.findIndex((end) => file.moduleId.endsWith(end));
			return at < 0 ? LONGEST.length : at;
		};
		const order = await super.sort(files);
		return order
			.map((file, index) => ({ file, index }))
			.sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
			.map(({ file }) => file);
	}
}

/**
 * The integration files that load the domain into the test process and point it at their own database
 * (`useDataDir`, `domainOn`, or a value imported from `src/lib/server` or `server/`): the domain reads its
 * configuration and opens its database client once per process, so each of these needs a fresh worker.
 * The others talk to their server over HTTP and the sync protocol only, and share a worker's modules: a new
 * worker per file spent 7–10 s between files importing the same modules again (measured on 16 of them
 * under load: 149 → 122 s, import 33 → 8 s, the same 242 tests passing).
 */
const IN_PROCESS = readdirSync('tests/integration', { recursive: true, encoding: 'utf8' })
	.filter((name) => name.endsWith('.test.ts'))
	.map((name) => `tests/integration/${name}`)
	.filter((file) =>
		/useDataDir\(|domainOn\(|^import \{[^}]*\} from '(\.\.\/)+(src\/lib\/server|server)\//m.test(
			readFileSync(file, 'utf8')
		)
	);

export default defineConfig({
	plugins: [sveltekit()],
	resolve: { alias: queryPlans },
	test: {
		expect: { requireAssertions: true },
		sequence: { sequencer: LongestFirst },
		testTimeout: 20_000,
		hookTimeout: 60_000,
		// Vitest's default leaves a core idle, which on our 2-core machines means one file at a time; the
		// integration tests mostly wait on their servers, so two at a time takes a third less (4.7 → 3.2 min).
		maxWorkers: Math.max(2, availableParallelism() - 1),
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					// Pure functions: the files can share a worker's modules instead of each starting its own
					// (10.4 → 6.6 s for the 20 files, the same 184 tests passing).
					isolate: false
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					exclude: IN_PROCESS,
					globalSetup: ['tests/global-setup.ts'],
					isolate: false
				}
			},
			{
				extends: true,
				test: {
					name: 'in-process',
					include: IN_PROCESS,
					globalSetup: ['tests/global-setup.ts']
				}
			}
		]
	}
});
