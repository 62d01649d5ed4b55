// Who may open a document, decided on the HTTP upgrade before the WebSocket handshake: the Origin must be
// ours, the session cookie (or bearer token) must name a person, and that person must be in the meeting's
// partnership; a restricted paper's document only for those allowed to see the paper.
//
// Answers: 401 without a valid session or token; 403 for a foreign Origin, for anyone outside the
// meeting's partnership, for a meeting or paper that does not exist (so outsiders cannot probe which ids
// exist) and for a restricted paper one may not see; 404 for a path that is not a document name at all.
import type { IncomingHttpHeaders } from 'node:http';
import { readOnlyActor, type Actor } from '../../src/lib/server/access/index.ts';
import { authenticate } from '../../src/lib/server/auth/index.ts';
import { db } from '../../src/lib/server/platform/index.ts';
import { NotFound } from '../../src/lib/server/platform/index.ts';
import {
	canSeeEvidence,
	meetingContext,
	type MeetingAccess
} from '../../src/lib/server/access/index.ts';
import { stillSignedIn } from '../../src/lib/server/access/index.ts';
import { parseDocumentName } from '../../src/lib/collab/documents.ts';
import { CLOSE } from './limits.ts';

export const SYNC_PREFIX = '/sync/';

/** Who a connection is, as presence shows them: from the session and membership, never the client. */
export interface Identity {
	name: string;
	organisation: string;
}

export type UpgradeDecision =
	| { ok: true; actor: Actor; docName: string; access: MeetingAccess; identity: Identity }
	| { ok: false; status: 401 | 403 | 404; reason: string };

/** The document a request path names (`/sync/<docName>`, query ignored), or null. */
export function docNameFromPath(url: string | undefined): string | null {
	if (!url?.startsWith(SYNC_PREFIX)) return null;
	const path = url.slice(SYNC_PREFIX.length).split('?')[0];
	try {
		return decodeURIComponent(path);
	} catch {
		return null;
	}
}

/** A browser's Origin must be this site's: ORIGIN when configured, else the Host over http or https. */
export function originAllowed(
	origin: string | undefined,
	host: string | undefined,
	configured: string | undefined
): boolean {
	if (origin === undefined) return true;
	if (configured) return origin === new URL(configured).origin;
	if (!host) return false;
	return origin === `http://${host}` || origin === `https://${host}`;
}

export async function authoriseUpgrade(
	url: string | undefined,
	headers: IncomingHttpHeaders,
	configuredOrigin: string | undefined
): Promise<UpgradeDecision> {
	if (!originAllowed(headers.origin, headers.host, configuredOrigin))
		return { ok: false, status: 403, reason: 'Origin not allowed' };
	const { actor } = await authenticate(headers);
	if (!actor) return { ok: false, status: 401, reason: 'Sign in first' };
	const docName = docNameFromPath(url);
	if (!docName || !parseDocumentName(docName))
		return { ok: false, status: 404, reason: 'No such document' };
	return decideAccess(actor, docName);
}

/**
 * Whether `actor` may open `docName` now, and how: asked on the upgrade and again whenever a revocation
 * signal concerns an open connection. The identity is what presence shows for them.
 */
export async function decideAccess(actor: Actor, docName: string): Promise<UpgradeDecision> {
	const address = parseDocumentName(docName);
	if (!address) return { ok: false, status: 404, reason: 'No such document' };
	const refused = { ok: false, status: 403, reason: 'Not allowed' } as const;
	const ctx = await meetingContext(actor, address.meetingId).catch((error) => {
		if (error instanceof NotFound) return null;
		throw error;
	});
	if (!ctx) return refused;
	if (address.evidenceItemId) {
		const paper = await db().evidenceItem.findUnique({ where: { id: address.evidenceItemId } });
		if (!paper || paper.meetingId !== ctx.meeting.id || paper.confidentiality !== 'RESTRICTED')
			return refused;
		if (!canSeeEvidence(ctx, paper)) return refused;
	}
	const organisation = await db().organisation.findUnique({
		where: { id: ctx.membership.organisationId },
		select: { name: true }
	});
	// A read-only token reads what its owner may read and writes nothing, whatever its owner's role.
	const access = readOnlyActor(actor) ? 'read' : ctx.access;
	const identity = { name: actor.name, organisation: organisation?.name ?? '' };
	return { ok: true, actor, docName, access, identity };
}

export type Recheck =
	| { ok: true; access: MeetingAccess; identity: Identity }
	| { ok: false; code: number; reason: string };

/** Asks again for an open connection: signed out closes (4401), no longer allowed closes (4403). */
export async function recheckAccess(actor: Actor, docName: string): Promise<Recheck> {
	if (!(await stillSignedIn(actor)))
		return { ok: false, code: CLOSE.signedOut, reason: 'signed out' };
	const decision = await decideAccess(actor, docName);
	if (!decision.ok) return { ok: false, code: CLOSE.notAllowed, reason: 'no longer allowed' };
	return { ok: true, access: decision.access, identity: decision.identity };
}
