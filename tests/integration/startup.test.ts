import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_ENTRY, freshDataDir, openDb } from '../support/server.ts';

function start(env: Record<string, string>) {
	const dataDir = freshDataDir();
	try {
		return spawnSync(process.execPath, [SERVER_ENTRY], {
			env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production', ...env },
			encoding: 'utf8',
			timeout: 20_000
		});
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}

describe('starting the server', () => {
	it('refuses bad configuration with a message for each bad value, before touching anything', () => {
		const result = start({ PORT: 'eighty', LOG_LEVEL: 'chatty', ORIGIN: 'not a url' });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('PORT: PORT must be a whole number from 0 to 65535');
		expect(result.stderr).toContain('LOG_LEVEL: LOG_LEVEL must be one of');
		expect(result.stderr).toContain('ORIGIN: ORIGIN must be the full address people use');
		expect(result.stdout).not.toContain('running at');
	});

	it('says so, and does not serve, when an earlier start stopped halfway through loading the demo', async () => {
		const dataDir = freshDataDir();
		try {
			const db = openDb(dataDir);
			await db.partnership.create({ data: { slug: 'strathmuir', name: 'Strathmuir' } });
			await db.auditEvent.create({
				data: { action: 'demo_loading', entity: 'Demo', entityId: 'demo' }
			});
			await db.$disconnect();
			const result = spawnSync(process.execPath, [SERVER_ENTRY, '--demo'], {
				env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0' },
				encoding: 'utf8',
				timeout: 20_000
			});
			expect(result.status).toBe(1);
			expect(result.stderr).toContain('The demo data was only partly loaded');
			expect(result.stderr).toContain(dataDir);
			expect(result.stdout).not.toContain('running at');
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
