import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseOf } from '../support/database.ts';
import { TMP_DIR } from '../support/paths.ts';
import { SERVER_ENTRY, freshDataDir, openDb, removeDataDir } from '../support/server.ts';

describe('starting the server', () => {
	it('refuses bad configuration with a message for each bad value, before touching anything', () => {
		const result = spawnSync(process.execPath, [SERVER_ENTRY], {
			env: {
				...process.env,
				NODE_ENV: 'production',
				PORT: 'eighty',
				LOG_LEVEL: 'chatty',
				ORIGIN: 'not a url',
				DATABASE_URL: 'mysql://db.example.org/workspace'
			},
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('PORT: PORT must be a whole number from 0 to 65535');
		expect(result.stderr).toContain('LOG_LEVEL: LOG_LEVEL must be one of');
		expect(result.stderr).toContain('ORIGIN: ORIGIN must be the full address people use');
		expect(result.stderr).toContain('DATABASE_URL must be a PostgreSQL address');
		expect(result.stdout).not.toContain('running at');
	});

	it('says so, and does not serve, when an earlier start stopped halfway through loading the demo', async () => {
		const dataDir = await freshDataDir();
		try {
			const db = openDb(dataDir);
			await db.partnership.create({ data: { slug: 'strathmuir', name: 'Strathmuir' } });
			await db.auditEvent.create({
				data: { action: 'demo_loading', entity: 'Demo', entityId: 'demo' }
			});
			await db.$disconnect();
			const result = spawnSync(process.execPath, [SERVER_ENTRY, '--demo'], {
				env: {
					...process.env,
					DATA_DIR: dataDir,
					DATABASE_URL: databaseOf(dataDir),
					PORT: '0'
				},
				encoding: 'utf8',
				timeout: 20_000
			});
			expect(result.status).toBe(1);
			expect(result.stderr).toContain('The demo data was only partly loaded');
			expect(result.stdout).not.toContain('running at');
		} finally {
			await removeDataDir(dataDir);
		}
	});

	it('refuses to serve a database the migrations have not reached, and says what to run', async () => {
		const dataDir = await freshDataDir();
		try {
			const db = openDb(dataDir);
			await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations"`);
			await db.$disconnect();
			const result = spawnSync(process.execPath, [SERVER_ENTRY], {
				env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseOf(dataDir), PORT: '0' },
				encoding: 'utf8',
				timeout: 20_000
			});
			expect(result.status).toBe(1);
			expect(result.stderr).toContain('Run `npm run migrate` once, before starting the instances');
			expect(result.stdout).not.toContain('running at');
		} finally {
			await removeDataDir(dataDir);
		}
	});
});

/** Starts the app as a newcomer does: no DATABASE_URL, only a data folder. */
function startEmbedded(dataDir: string) {
	const child = spawn(process.execPath, [SERVER_ENTRY, '--no-demo'], {
		env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const listening = new Promise<string>((ok, fail) => {
		child.stdout.on('data', () => {
			const m = /listening on port (\d+)/.exec(output);
			if (m) ok(`http://127.0.0.1:${m[1]}`);
		});
		child.on('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
	});
	const exited = new Promise<number | null>((ok) => child.on('exit', ok));
	return { child, listening, exited, output: () => output };
}

describe('with no DATABASE_URL', () => {
	it('runs its own PostgreSQL in the data folder, two copies side by side, and stops it on exit', async () => {
		mkdirSync(TMP_DIR, { recursive: true });
		const folders = [0, 1].map(() => mkdtempSync(resolve(TMP_DIR, 'embedded-')));
		// As root, a private data folder (0700) must still work: the server runs as another account.
		for (const folder of folders) spawnSync('chmod', ['700', folder]);
		try {
			const apps = folders.map(startEmbedded);
			const urls = await Promise.all(apps.map((app) => app.listening));
			for (const url of urls) {
				const health = await fetch(`${url}/healthz`);
				expect(health.status).toBe(200);
			}
			for (const app of apps) app.child.kill('SIGTERM');
			expect(await Promise.all(apps.map((app) => app.exited))).toEqual([0, 0]);
			// The embedded server stopped with the app: nothing holds the cluster's lock any more.
			for (const folder of folders) {
				const pid = spawnSync('sh', ['-c', `test -e ${folder}/postgres/postmaster.pid`]);
				expect(pid.status, apps[folders.indexOf(folder)].output()).not.toBe(0);
			}
		} finally {
			for (const folder of folders) rmSync(folder, { recursive: true, force: true });
		}
	}, 90_000);
});
