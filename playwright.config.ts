// Browser tests: Debian's Chromium, its headless shell where installed (scripts/chromium.js; Playwright
// cannot download its own browser on our machines). The global
// setup loads the demo once and signs its accounts in; each spec file then runs on a server of its own, on
// a copy of that demo (tests/e2e/fixtures.ts), so files run side by side, one per worker, in any order.
import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/chromium.js';

/**
 * The longest files (20–30 s each), started first: files are otherwise taken in alphabetical order, and
 * `whole-meeting` (21 s) came last, with the other worker idle for most of it. Playwright runs a project's
 * files before the next project's.
 */
const LONGEST = [
	'tour',
	'whole-meeting',
	'meeting',
	'review',
	'review-reopening',
	'live-floor',
	'live-record'
].map((name) => `${name}.spec.ts`);

export default defineConfig({
	testDir: 'tests/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	// A file's tests share its server and run in order (some build on the one before); files run in parallel.
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS) || Math.max(2, availableParallelism()),
	retries: 0,
	// Two files at a time on two cores: each test gets a core, not the whole machine, so it takes longer.
	timeout: 60_000,
	// Likewise for waiting on a page to show a change (a live update, a form's answer).
	expect: { timeout: 10_000 },
	outputDir: 'test-results',
	projects: [
		{ name: 'longest', testMatch: LONGEST },
		{ name: 'others', testIgnore: LONGEST }
	],
	use: {
		browserName: 'chromium',
		launchOptions: {
			executablePath: chromiumPath() ?? '/usr/bin/chromium-headless-shell',
			// Without these Chromium keeps calling home, and this machine's closed network refuses it.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		},
		// Recording a trace snapshots the page at every step, whether the test then passes or not: it took a
		// fifth of the browser tests' CPU (measured: 200 → 156 CPU-s for meeting and review specs). Ask for
		// one when a test fails: `E2E_TRACE=retain-on-failure npx playwright test <file>`.
		trace: (process.env.E2E_TRACE || 'off') as 'off' | 'on' | 'retain-on-failure'
	}
});
