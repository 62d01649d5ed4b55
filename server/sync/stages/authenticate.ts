// Stage "authenticate": who opens which document, and whether they may, asked on the HTTP upgrade before
// the WebSocket handshake and again for an open connection whenever a revocation signal concerns it.
// The session's implementation is access.ts (cookie or bearer token, then the meeting's rights).
import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../../../src/lib/server/access/index.ts';
import { authoriseUpgrade, recheckAccess, type Recheck, type UpgradeDecision } from '../access.ts';

export interface Authenticate {
	upgrade(
		url: string | undefined,
		headers: IncomingHttpHeaders,
		configuredOrigin: string | undefined
	): Promise<UpgradeDecision>;
	recheck(actor: Actor, docName: string): Promise<Recheck>;
}

/** Signed in with a session cookie or an access token, allowed by the meeting's rights. */
export const sessionAuthentication: Authenticate = {
	upgrade: authoriseUpgrade,
	recheck: recheckAccess
};
