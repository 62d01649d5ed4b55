// The import check in `npm test` (scripts/check-deps.js with .dependency-cruiser.cjs) fires: run over a
// small tree laid out like the project, with one broken rule per file, it names every rule and fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve('tests/.tmp/import-rules');
const CHECK = resolve('scripts/check-deps.js');

const FILES: Record<string, string> = {
	'src/lib/server/platform/index.ts': "export * from './clock.ts';\nexport * from './wait.ts';\n",
	// no-circular
	'src/lib/server/platform/clock.ts':
		"import { wait } from './wait.ts';\nexport const now = wait;\n",
	'src/lib/server/platform/wait.ts':
		"import type { now } from './clock.ts';\nexport const wait = 1 as unknown as typeof now;\n",
	// platform-imports-only-below
	'src/lib/server/platform/upward.ts':
		"import { api } from '../web/index.ts';\nexport const up = api;\n",
	'src/lib/server/web/index.ts': 'export const api = 1;\n',
	// concepts-meet-at-faces
	'src/lib/server/web/inside.ts':
		"import { now } from '../platform/clock.ts';\nexport const at = now;\n",
	// outside-meets-faces
	'src/routes/api/+server.ts':
		"import { now } from '$lib/server/platform/clock.ts';\nexport const GET = now;\n",
	'src/routes/api/helper.ts': 'export const helper = 1;\n',
	// client-never-imports-server, through a type only
	'src/lib/live/view.ts':
		"import type { api } from '../server/web/index.ts';\nexport type Api = typeof api;\n",
	// nothing-imports-routes
	'src/lib/forms.ts':
		"import { helper } from '../routes/api/helper.ts';\nexport const form = helper;\n",
	// client-never-imports-server from a component, which only the Svelte pass sees
	'src/lib/components/Card.svelte':
		'<script lang="ts">\n\timport type { api } from \'$lib/server/web\';\n\tlet { value }: { value: typeof api } = $props();\n</script>\n\n<p>{value}</p>\n'
};

let output = '';
let status: number | null = null;
beforeAll(() => {
	rmSync(ROOT, { recursive: true, force: true });
	for (const [file, text] of Object.entries(FILES)) {
		mkdirSync(dirname(join(ROOT, file)), { recursive: true });
		writeFileSync(join(ROOT, file), text);
	}
	const run = spawnSync(process.execPath, [CHECK], { cwd: ROOT, encoding: 'utf8' });
	output = run.stdout + run.stderr;
	status = run.status;
}, 120_000);

describe('the import check, run over a tree that breaks every rule', () => {
	it('fails', () => {
		expect(status, output).toBe(1);
	});

	it.each([
		['no-circular', 'src/lib/server/platform/clock.ts'],
		['platform-imports-only-below', 'src/lib/server/platform/upward.ts'],
		['concepts-meet-at-faces', 'src/lib/server/web/inside.ts'],
		['outside-meets-faces', 'src/routes/api/+server.ts'],
		['client-never-imports-server', 'src/lib/live/view.ts'],
		['client-never-imports-server', 'src/lib/components/Card.svelte'],
		['nothing-imports-routes', 'src/lib/forms.ts']
	])('names %s for %s', (rule, file) => {
		expect(output).toMatch(
			new RegExp(`${rule}: ${file.replaceAll('.', '\\.').replaceAll('+', '\\+')}`)
		);
	});
});
