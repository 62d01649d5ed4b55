// The server's domain functions loaded into the test process, on a test server's own database, for steps
// that have no HTTP route yet (accepting an invitation is a page, still being written). The configuration is
// read once per process, so the data folder is set before the first import, which must be dynamic.
import type { Actor } from '../../src/lib/server/access/index.ts';
import { useDataDir } from './server.ts';

export async function domainOn(dataDir: string) {
	useDataDir(dataDir);
	const invitations = await import('../../src/lib/server/structure/index.ts');
	const sessions = await import('../../src/lib/server/auth/index.ts');
	const { disconnect } = await import('../../src/lib/server/platform/index.ts');

	/** The actor a page would get from this session cookie, as hooks.server.ts builds it. */
	async function actorOf(cookie: string): Promise<Actor> {
		const session = await sessions.validateSessionToken(cookie.replace(/^session=/, ''));
		if (!session) throw new Error('not a live session cookie');
		const { id, email, name } = session.user;
		return { userId: id, email, name, via: { kind: 'session', sessionId: session.id } };
	}

	return {
		describeInvitation: invitations.describeInvitation,
		acceptInvitation: invitations.acceptInvitation,
		actorOf,
		disconnect
	};
}
