// Reading back what the server stored: snapshots to prove a refused command wrote nothing, the audit trail,
// and the partnership's reporting tree flattened for searching.
import type { BodyNode } from '../../src/lib/server/structure/index.ts';
import type { TestDb } from './server.ts';

/** Every record a command may write (sessions and tokens aside), in a stable order, to compare before/after. */
export async function snapshot(db: TestDb) {
	const byId = { orderBy: { id: 'asc' } } as const;
	return {
		partnerships: await db.partnership.findMany(byId),
		organisations: await db.organisation.findMany(byId),
		users: await db.user.findMany(byId),
		memberships: await db.membership.findMany(byId),
		bodies: await db.body.findMany(byId),
		seats: await db.bodySeat.findMany(byId),
		invitations: await db.invitation.findMany(byId),
		auditEvents: await db.auditEvent.findMany(byId)
	};
}

/** Counts audit events from now on: `await since()` is how many were written after the call. */
export async function auditCounter(db: TestDb, where: { partnershipId?: string } = {}) {
	const before = await db.auditEvent.count({ where });
	return async () => (await db.auditEvent.count({ where })) - before;
}

/** The session token in a `session=<id>.<secret>` cookie. */
export function sessionToken(cookie: string): { token: string; id: string; secret: string } {
	const token = cookie.replace(/^session=/, '');
	const [id, secret] = token.split('.');
	return { token, id, secret };
}

/** Every body in a structure tree, depth first. */
export function allBodies(nodes: BodyNode[]): BodyNode[] {
	return nodes.flatMap((node) => [node, ...allBodies(node.children)]);
}
