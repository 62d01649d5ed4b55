// A free TCP port on loopback, for a program a test starts itself (Redis, nginx) that cannot pick one.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((found, fail) => {
		const probe = createServer();
		probe.once('error', fail);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => found(port));
		});
	});
}
