// Decisions at a joint meeting: the decision names which of the holding bodies took it (by default every
// holding body that is quorate); a named body that is not quorate refuses it unless the chair confirms going
// ahead without a quorum. Each body that took it is stored as its own append-only row.
import { z } from 'zod';
import type { MeetingContext } from '../access/index.ts';
import { Conflict, Invalid, reference, type Tx } from '../platform/index.ts';
import { bodyQuorums, readRoll, type BodyQuorum, type RollEntry } from '../meetings/index.ts';

export const TakenByInput = z
	.array(reference('Choose the bodies that took the decision'), {
		error: 'Choose the bodies that took the decision'
	})
	.min(1, 'Choose the bodies that took the decision')
	.max(20, 'Choose at most 20 bodies')
	.transform((ids) => [...new Set(ids)]);

export interface TakenBy {
	bodies: BodyQuorum[];
	/** Every body that took it was quorate. */
	quorate: boolean;
}

/** Null at a single-body meeting (nothing changes there); else the bodies taking the decision, checked. */
export async function settleTakenBy(
	tx: Tx,
	ctx: MeetingContext,
	named: string[] | undefined,
	proceedWithoutQuorum: boolean | undefined
): Promise<TakenBy | null> {
	if (ctx.meeting.bodyIds.length < 2) {
		if (named?.length && named.some((id) => id !== ctx.meeting.bodyId))
			throw new Invalid({ takenBy: 'Only the body holding this meeting takes its decisions' });
		return null;
	}
	const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: ctx.meeting.id } });
	const all = await bodyQuorums(tx, meeting, await readRoll(tx, meeting));
	if (named?.some((id) => !all.some((b) => b.bodyId === id)))
		throw new Invalid({ takenBy: 'Choose only bodies holding this meeting' });
	let bodies = named?.length
		? all.filter((b) => named.includes(b.bodyId))
		: all.filter((b) => b.met);
	if (!bodies.length) bodies = all;
	const short = bodies.filter((b) => !b.met);
	if (short.length && !proceedWithoutQuorum)
		throw new Conflict(
			`Not quorate: ${short.map((b) => `${b.name} has ${b.present} voting ${b.present === 1 ? 'member' : 'members'} present and its quorum is ${b.rule}`).join('; ')}. Confirm to record the decision without a quorum.`,
			undefined,
			'not_quorate'
		);
	return { bodies, quorate: short.length === 0 };
}

/**
 * Amending a joint meeting's decision: the bodies that took it must each still be quorate (or the chair
 * confirms going ahead without a quorum), as when it was first recorded.
 */
export async function amendingBodies(
	tx: Tx,
	meeting: { id: string; bodyId: string; startsAt: Date },
	roll: RollEntry[],
	agendaItemId: string,
	data: { proceedWithoutQuorum?: boolean }
) {
	const taken = await tx.decisionBody.findMany({
		where: { decision: { agendaItemId } },
		select: { bodyId: true }
	});
	const all = await bodyQuorums(tx, meeting, roll);
	const bodies = taken.length ? all.filter((b) => taken.some((t) => t.bodyId === b.bodyId)) : all;
	const short = bodies.filter((b) => !b.met);
	if (short.length && !data.proceedWithoutQuorum)
		throw new Conflict(
			`Not quorate: ${short.map((b) => b.name).join(' and ')}. Confirm to record the decision without a quorum.`,
			undefined,
			'not_quorate'
		);
	return bodies;
}

export async function storeTakenBy(
	tx: Tx,
	decisionId: string,
	takenBy: TakenBy | null,
	at: Date
): Promise<void> {
	if (!takenBy) return;
	await tx.decisionBody.createMany({
		data: takenBy.bodies.map((b) => ({
			decisionId,
			bodyId: b.bodyId,
			quorate: b.met,
			createdAt: at
		}))
	});
}

/** The names of the bodies that took each decision (by decision id); absent for single-body decisions. */
export async function takenByNames(
	reader: Pick<Tx, 'decisionBody' | 'body'>,
	decisionIds: string[]
): Promise<Map<string, string[]>> {
	const rows = await reader.decisionBody.findMany({
		where: { decisionId: { in: decisionIds } },
		orderBy: { createdAt: 'asc' }
	});
	const names = new Map(
		(
			await reader.body.findMany({
				where: { id: { in: rows.map((r) => r.bodyId) } },
				select: { id: true, name: true }
			})
		).map((b) => [b.id, b.name])
	);
	const out = new Map<string, string[]>();
	for (const row of rows)
		out.set(row.decisionId, [...(out.get(row.decisionId) ?? []), names.get(row.bodyId) ?? '']);
	return out;
}
