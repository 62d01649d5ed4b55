// Who is acting: always taken from the session or access token on the server, never from a request body.
import { Forbidden } from '../platform/index.ts';
import type { PartnershipRole } from '../../vocabulary.ts';

/** What a personal access token may do: `read` is GET and HEAD only (and a read-only sync connection). */
export type TokenScope = 'read' | 'read write';

export interface Actor {
	userId: string;
	email: string;
	name: string;
	/** How this request was authenticated; a session id lets sign-out end just this browser. */
	via:
		{ kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string; scope: TokenScope };
}

/** The actor as a member of one partnership: what every right in it is decided from. */
export interface PartnershipContext {
	actor: Actor;
	partnership: { id: string; slug: string; name: string; area: string };
	membership: { id: string; role: PartnershipRole; organisationId: string };
}

/** True when the actor came with a token that may only read: no writes over HTTP or sync. */
export function readOnlyActor(actor: Actor): boolean {
	return actor.via.kind === 'token' && actor.via.scope !== 'read write';
}

/**
 * Account management (tokens, password, sessions) needs the person at a signed-in browser: a token, even
 * a leaked one with write scope, must not be able to mint more tokens or lock its owner out.
 */
export function assertSessionActor(actor: Actor, what: string): void {
	if (actor.via.kind !== 'session')
		throw new Forbidden(
			`An access token cannot ${what}. Sign in with your password in a browser to do this.`
		);
}
