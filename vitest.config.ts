// Vitest in two projects. `unit`: pure functions and components, no build, no server, no database
// (`npx vitest run --project unit` runs in seconds on a fresh clone). `integration`: domain functions on a
// database file of their own and the real server, started per test file from the built app, after the
// global setup has migrated the template database every file copies.
import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { queryPlans } from './vite.config.ts';

export default defineConfig({
	plugins: [sveltekit()],
	resolve: { alias: queryPlans },
	test: {
		expect: { requireAssertions: true },
		testTimeout: 20_000,
		hookTimeout: 60_000,
		// Vitest's default leaves a core idle, which on our 2-core machines means one file at a time; the
		// integration tests mostly wait on their servers, so two at a time takes a third less (4.7 → 3.2 min).
		maxWorkers: Math.max(2, availableParallelism() - 1),
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/global-setup.ts']
				}
			}
		]
	}
});
