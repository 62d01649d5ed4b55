// The pseudonyms of a review's research export (issue 17). codes.csv names no one: each speaker, each
// organisation and each coder of a meeting's review gets a pseudonym ("Speaker 07", "Organisation C",
// "Coder A"), given the first time the export is made, in a random order drawn for that review, and kept
// (the table is append-only), so the same person has the same pseudonym in every export of the review and
// an unrelated one in another review. A draw that would give the people of the partnership's latest other
// review exactly the labels they had there is moved on by one place, so two consecutive reviews' exports
// are never joined on the labels. The key (who is who) is for the partnership's officers only.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit, db, type Tx } from '../platform/index.ts';
import { demand } from '../access/index.ts';
import { reviewContext } from './access.ts';
import { currentCodes, spokenTurns } from './coded-record.ts';

export const PSEUDONYM_KINDS = ['SPEAKER', 'ORGANISATION', 'CODER'] as const;
export type PseudonymKind = (typeof PSEUDONYM_KINDS)[number];

/** 1 → A, 26 → Z, 27 → AA. */
function letters(n: number): string {
	let s = '';
	for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
		s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
	return s;
}

/** The n-th label (from 1) of a kind. */
export function pseudonymLabel(kind: PseudonymKind, n: number): string {
	if (kind === 'SPEAKER') return `Speaker ${String(n).padStart(2, '0')}`;
	return `${kind === 'CODER' ? 'Coder' : 'Organisation'} ${letters(n)}`;
}

function shuffled<T>(items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

export type PseudonymMap = Record<PseudonymKind, Map<string, string>>;

/**
 * The meeting's pseudonyms, giving one to every speaker and organisation of its spoken turns and every
 * coder of its codes who has none yet. Inside the export's transaction, under a lock on the meeting's
 * key, so two exports at once give each person one pseudonym (the unique keys refuse anything else).
 * Audited when any is given.
 */
export async function ensurePseudonyms(
	tx: Tx,
	actor: Actor,
	partnershipId: string,
	meetingId: string
): Promise<PseudonymMap> {
	await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'review-pseudonyms:' + meetingId}))`;
	const [turns, codes, existing] = await Promise.all([
		spokenTurns(tx, meetingId),
		currentCodes(tx, meetingId),
		tx.reviewPseudonym.findMany({
			where: { meetingId },
			select: { kind: true, entityId: true, label: true }
		})
	]);
	const wanted: Record<PseudonymKind, string[]> = {
		SPEAKER: [...new Set(turns.map((t) => t.membershipId))],
		ORGANISATION: [...new Set(turns.map((t) => t.organisationId))],
		CODER: [...new Set(codes.map((c) => c.coderMembershipId))].sort()
	};
	const map: PseudonymMap = { SPEAKER: new Map(), ORGANISATION: new Map(), CODER: new Map() };
	for (const row of existing) map[row.kind].set(row.entityId, row.label);

	const added: { kind: PseudonymKind; entityId: string; label: string }[] = [];
	for (const kind of PSEUDONYM_KINDS) {
		const missing = wanted[kind].filter((id) => !map[kind].has(id));
		if (!missing.length) continue;
		const used = map[kind].size;
		const previous = await previousLabels(tx, partnershipId, meetingId, kind, missing);
		let order = shuffled(missing);
		// Moving everyone one place on gives each of them another label than the draw did.
		if (repeats(order, used, kind, previous)) order = [...order.slice(1), order[0]];
		order.forEach((entityId, i) => {
			const label = pseudonymLabel(kind, used + i + 1);
			map[kind].set(entityId, label);
			added.push({ kind, entityId, label });
		});
	}
	if (added.length) {
		await tx.reviewPseudonym.createMany({
			data: added.map((a) => ({ ...a, partnershipId, meetingId }))
		});
		await audit(tx, actor.userId, {
			action: 'review_pseudonyms_assigned',
			entity: 'Meeting',
			entityId: meetingId,
			partnershipId,
			// How many, never who: the key itself is read on its own page.
			detail: Object.fromEntries(
				PSEUDONYM_KINDS.map((kind) => [kind, added.filter((a) => a.kind === kind).length])
			)
		});
	}
	return map;
}

/**
 * The labels two or more of these entities were given in the partnership's latest other review that has
 * them (the one a reader is likeliest to hold beside this one), or none.
 */
async function previousLabels(
	tx: Tx,
	partnershipId: string,
	meetingId: string,
	kind: PseudonymKind,
	entityIds: string[]
): Promise<Map<string, string>> {
	const rows = await tx.reviewPseudonym.findMany({
		where: { partnershipId, kind, entityId: { in: entityIds }, meetingId: { not: meetingId } },
		select: { meetingId: true, entityId: true, label: true },
		orderBy: [{ assignedAt: 'desc' }, { id: 'desc' }]
	});
	const per = new Map<string, Map<string, string>>();
	for (const r of rows) {
		if (!per.has(r.meetingId)) per.set(r.meetingId, new Map());
		per.get(r.meetingId)!.set(r.entityId, r.label);
	}
	// Maps keep the order of first insertion: the latest review first.
	return [...per.values()].find((labels) => labels.size >= 2) ?? new Map();
}

/** Whether the draw gives the people of the previous review exactly the labels they had there. */
function repeats(
	order: string[],
	used: number,
	kind: PseudonymKind,
	previous: Map<string, string>
): boolean {
	if (previous.size < 2) return false;
	const drawn = new Map(order.map((id, i) => [id, pseudonymLabel(kind, used + i + 1)]));
	return [...previous].every(([id, label]) => drawn.get(id) === label);
}

export const PseudonymKeyView = z.object({
	meetingId: z.string(),
	/** False until codes.csv has first been exported: pseudonyms are given then. */
	assigned: z.boolean(),
	entries: z.array(
		z.object({
			kind: z.enum(PSEUDONYM_KINDS),
			label: z.string(),
			/** The membership (speakers, coders) or organisation. */
			entityId: z.string(),
			/** Who it is: the person's name, or the organisation's. */
			name: z.string(),
			assignedAt: z.iso.datetime()
		})
	)
});
export type PseudonymKeyView = z.infer<typeof PseudonymKeyView>;

/** The key to the export's pseudonyms: officers only (403 for reviewers, members and observers). */
export async function pseudonymKey(actor: Actor, meetingId: string): Promise<PseudonymKeyView> {
	const ctx = await reviewContext(actor, meetingId);
	demand(
		ctx.canReadPseudonymKey,
		'Only officers (admins and secretariat) read the key to the export’s pseudonyms.'
	);
	const rows = await db().reviewPseudonym.findMany({
		where: { meetingId },
		select: { kind: true, entityId: true, label: true, assignedAt: true }
	});
	const people = rows.filter((r) => r.kind !== 'ORGANISATION').map((r) => r.entityId);
	const organisations = rows.filter((r) => r.kind === 'ORGANISATION').map((r) => r.entityId);
	const [memberships, orgs] = await Promise.all([
		db().membership.findMany({
			where: { id: { in: people } },
			select: { id: true, user: { select: { name: true } } }
		}),
		db().organisation.findMany({
			where: { id: { in: organisations } },
			select: { id: true, name: true }
		})
	]);
	const personName = new Map(memberships.map((m) => [m.id, m.user.name]));
	const orgName = new Map(orgs.map((o) => [o.id, o.name]));
	const entries = rows
		.map((r) => ({
			kind: r.kind,
			label: r.label,
			entityId: r.entityId,
			name: (r.kind === 'ORGANISATION' ? orgName : personName).get(r.entityId) ?? '',
			assignedAt: r.assignedAt.toISOString()
		}))
		.sort(
			(a, b) =>
				PSEUDONYM_KINDS.indexOf(a.kind) - PSEUDONYM_KINDS.indexOf(b.kind) ||
				a.label.length - b.label.length ||
				a.label.localeCompare(b.label)
		);
	return { meetingId, assigned: rows.length > 0, entries };
}
