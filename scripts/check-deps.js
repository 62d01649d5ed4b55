#!/usr/bin/env node
// `npm run check:deps` (and a step of `npm test`): imports go only downward and never in a loop, by the
// rules in .dependency-cruiser.cjs. dependency-cruiser reads every .ts and .svelte file; a Svelte 5
// component's `import type` is compiled away before it looks, so those are read here with TypeScript's own
// import scanner and held to the same two rules for client code. Run from the project (or a fixture laid
// out like it); exits 1 on any violation.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(PROJECT, '.dependency-cruiser.cjs');
const FOLDERS = ['src', 'server', 'seed', 'tests', 'scripts', 'bench'];

/** @param {string} folder @returns {string[]} project-relative paths of the .svelte files under it */
function svelteFiles(folder) {
	if (!existsSync(folder)) return [];
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.svelte'))
		.map((file) => join(folder, file).split(sep).join('/'));
}

/** Where an import in `file` points, project-relative, or null for a package or a virtual module. */
function target(/** @type {string} */ file, /** @type {string} */ specifier) {
	if (specifier === '$lib' || specifier.startsWith('$lib/'))
		return posix.join('src/lib', specifier.slice('$lib'.length));
	if (specifier.startsWith('.')) return posix.join(posix.dirname(file), specifier);
	return null;
}

/** Imports of server code or of route files by Svelte components, type-only ones included. */
export function svelteViolations(root = '.') {
	const found = [];
	for (const file of svelteFiles(join(root, 'src'))) {
		const at = relative(root, file).split(sep).join('/');
		const source = readFileSync(file, 'utf8');
		for (const [, script] of source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
			for (const { fileName } of ts.preProcessFile(script, true, true).importedFiles) {
				const to = target(at, fileName);
				if (to?.startsWith('src/lib/server/') || to === 'src/lib/server')
					found.push(`client-never-imports-server: ${at} → ${fileName}`);
				else if (to?.startsWith('src/routes/') && !at.startsWith('src/routes/'))
					found.push(`nothing-imports-routes: ${at} → ${fileName}`);
			}
		}
	}
	return found;
}

/** Runs dependency-cruiser over the project's folders, 1 on any violation; its report goes to the terminal. */
export function cruise(root = '.') {
	const folders = FOLDERS.filter((folder) => existsSync(join(root, folder)));
	const bin = join(PROJECT, 'node_modules/.bin/depcruise');
	const result = spawnSync(bin, ['--config', CONFIG, '--output-type', 'err', ...folders], {
		cwd: root,
		stdio: 'inherit'
	});
	// depcruise exits with the number of violations; 0 is clean.
	return result.status === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const status = cruise();
	const svelte = svelteViolations();
	for (const line of svelte) console.error(`  error ${line}`);
	if (svelte.length) console.error(`\nx ${svelte.length} import violations in Svelte components.`);
	process.exit(status || (svelte.length ? 1 : 0));
}
