// A Redis of a test file's own: Debian's redis-server on a free loopback port, keeping nothing on disk,
// stopped when the file is done. A machine without it stops the tests with the command to install it,
// never a silent skip (.ci/run and `npm test` install it where they can).
import { spawn, spawnSync } from 'node:child_process';
import { freePort } from './ports.ts';

export interface TestRedis {
	url: string;
	stop(): Promise<void>;
}

export const REDIS_SERVER = process.env.REDIS_SERVER || 'redis-server';

export async function startRedis(): Promise<TestRedis> {
	if (spawnSync(REDIS_SERVER, ['--version']).error)
		throw new Error(
			`These tests need Redis's server (${REDIS_SERVER}). Install it with:\n\n` +
				'  sudo apt-get install -y redis-server\n\n(or set REDIS_SERVER to its path).'
		);
	for (let attempt = 0; ; attempt++) {
		const port = await freePort();
		const server = spawn(
			REDIS_SERVER,
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let said = '';
		const ready = await new Promise<boolean>((settle) => {
			server.stdout!.on('data', (chunk) => {
				said += chunk;
				if (said.includes('Ready to accept connections')) settle(true);
			});
			server.once('exit', () => settle(false));
		});
		if (ready)
			return {
				url: `redis://127.0.0.1:${port}`,
				stop: () =>
					new Promise((stopped) => {
						if (server.exitCode !== null) return stopped();
						server.once('exit', () => stopped());
						server.kill('SIGTERM');
					})
			};
		// Someone took the port between the probe and the start: try another.
		if (attempt >= 3) throw new Error(`redis-server did not start:\n${said}`);
	}
}
