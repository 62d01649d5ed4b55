#!/usr/bin/env node
// `npm test`: every test, in the order a newcomer needs them: make sure Chromium is there, build the app,
// run unit and integration tests (Vitest), then the browser tests (Playwright), and print one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_PACKAGE, chromiumPath } from './chromium.js';

const REPORTS = resolve('tests/.tmp/reports');

const started = performance.now();
/** Seconds each phase took, for the summary. @type {Record<string, number>} */
const took = {};

/** @param {string} command @param {string[]} args @param {Record<string, string>} env */
function run(command, args, env = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status ?? 1;
}

/** Runs one phase of `npm test` and notes how long it took. @param {string} phase @param {() => number} step */
function timed(phase, step) {
	const start = performance.now();
	const status = step();
	took[phase] = Math.round((performance.now() - start) / 1000);
	return status;
}

/** @param {string} command */
function have(command) {
	return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureChromium() {
	const found = chromiumPath();
	if (found && existsSync(found)) return;
	if (found) {
		console.error(`CHROMIUM_PATH is ${found}, and there is no such file.`);
		process.exit(1);
	}
	const root = process.getuid?.() === 0;
	if (root && have('apt-get')) {
		console.log(
			`Chromium is not installed: installing Debian's ${CHROMIUM_PACKAGE} with apt-get (once).`
		);
		const status =
			run('apt-get', ['update', '-qq']) ||
			run('apt-get', ['install', '-y', '-qq', CHROMIUM_PACKAGE], {
				DEBIAN_FRONTEND: 'noninteractive'
			});
		if (status === 0 && chromiumPath()) return;
		console.error(`Installing ${CHROMIUM_PACKAGE} failed; see the apt-get output above.`);
		process.exit(1);
	}
	console.error(
		`The browser tests need Chromium. Install it with:\n\n  sudo apt-get install -y ${CHROMIUM_PACKAGE}\n\n` +
			'(or chromium), or point CHROMIUM_PATH at a Chromium binary.'
	);
	process.exit(1);
}

/**
 * Debian's programs the integration tests run beside the app: redis-server (the two-instance tests start
 * their own on a free port) and nginx (the example configuration in docs/deploy/ is run in front of two
 * instances). Installed here as Chromium is (root with apt-get); otherwise the run stops with the
 * command to install them, never a silent skip.
 */
function ensureServers() {
	const wanted = [
		{
			binary: process.env.REDIS_SERVER || 'redis-server',
			pkg: 'redis-server',
			variable: 'REDIS_SERVER'
		},
		{ binary: process.env.NGINX || 'nginx', pkg: 'nginx-light', variable: 'NGINX' }
	];
	const missing = wanted.filter((w) => !have(w.binary) && !have(`/usr/sbin/${w.binary}`));
	if (missing.length === 0) return;
	const packages = missing.map((m) => m.pkg);
	if (process.getuid?.() === 0 && have('apt-get')) {
		console.log(`Installing Debian's ${packages.join(' and ')} with apt-get (once).`);
		const status =
			run('apt-get', ['update', '-qq']) ||
			run('apt-get', ['install', '-y', '-qq', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
		if (status === 0) return;
		console.error(`Installing ${packages.join(' and ')} failed; see the apt-get output above.`);
		process.exit(1);
	}
	console.error(
		`The integration tests need ${packages.join(' and ')}. Install them with:\n\n` +
			`  sudo apt-get install -y ${packages.join(' ')}\n\n` +
			`(or point ${missing.map((m) => m.variable).join(' / ')} at the program).`
	);
	process.exit(1);
}

/**
 * @param {string} file
 * @param {(report: any) => {passed: number, failed: number, skipped: number, flaky?: number}} pick
 */
function counts(file, pick) {
	try {
		return pick(JSON.parse(readFileSync(file, 'utf8')));
	} catch {
		return { passed: 0, failed: 0, skipped: 0 };
	}
}

/** Imports go only downward and never in a loop (.dependency-cruiser.cjs): checked before the slow steps. */
function checkImports() {
	console.log('\n== Import rules (dependency-cruiser) ==');
	if (run('node', ['scripts/check-deps.js']) !== 0) process.exit(1);
}

ensureChromium();
ensureServers();
mkdirSync(REPORTS, { recursive: true });
checkImports();

console.log('\n== Building the app ==');
if (timed('build', () => run('npx', ['vite', 'build', '--logLevel', 'warn'])) !== 0)
	process.exit(1);

console.log('\n== Unit and integration tests (Vitest: projects unit, integration) ==');
const vitestFile = resolve(REPORTS, 'vitest.json');
const vitest = timed('vitest', () =>
	run('npx', [
		'vitest',
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${vitestFile}`
	])
);

console.log('\n== Browser tests (Playwright, Chromium) ==');
const playwrightFile = resolve(REPORTS, 'playwright.json');
const playwright = timed('playwright', () =>
	run('npx', ['playwright', 'test', '--reporter=list,json'], {
		PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightFile
	})
);

const v = counts(vitestFile, (/** @type {any} */ r) => ({
	passed: r.numPassedTests,
	failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
	skipped: r.numPendingTests + r.numTodoTests
}));
const p = counts(playwrightFile, (/** @type {any} */ r) => ({
	passed: r.stats.expected,
	failed: r.stats.unexpected,
	skipped: r.stats.skipped,
	flaky: r.stats.flaky
}));
const failedRuns = Number(vitest !== 0) + Number(playwright !== 0);
const failed = Math.max(v.failed + p.failed, failedRuns);
console.log(
	`\nVitest: ${v.passed} passed, ${v.failed} failed, ${v.skipped} skipped (${took.vitest} s)`
);
console.log(
	`Playwright: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped (${took.playwright} s)`
);
const total = Math.round((performance.now() - started) / 1000);
console.log(
	`${v.passed + p.passed + (p.flaky ?? 0)} passed, ${failed} failed, ${v.skipped + p.skipped} skipped in ${total} s (build ${took.build} s)`
);
process.exit(failedRuns ? 1 : 0);
