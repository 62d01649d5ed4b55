// What the coding screen shows a reviewer or officer: one spoken contribution of a closed meeting at a
// time with the viewer's current codes on it, their progress, where to go next, and the review's
// agreement, disagreements and notes. Reviewers code; officers follow the agreement, publish and write
// notes, but see no one's codes before publication.
import type { Actor } from '../access/index.ts';
import { currentCodes, spokenTurns, type StoredCode } from './coded-record.ts';
import { db } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { demand } from '../access/index.ts';
import { isOfficer } from '../access/index.ts';
import { reviewContext } from './access.ts';
import { codingSections } from './coding.ts';
import { reviewNotes } from './publication.ts';
import type { DqiKey } from '../../review/dqi.ts';

export interface ScreenTurn {
	id: string;
	position: number;
	itemTitle: string;
	speaker: string;
	organisation: string;
	sectorName: string;
	type: string;
	summary: string;
	startedAt: string;
	endedAt: string | null;
	codedByMe: boolean;
}

export interface Prefill {
	quote: string;
	codes: Partial<Record<DqiKey, { choice: string; note: string }>>;
}

/**
 * The shared quote is stored as the note of each code it backs (a code has one note column): the note
 * most of this turn's codes share, when two or more share it, is shown again as the quote, and those
 * codes' own note fields are left empty, so saving unchanged writes nothing.
 */
export function prefillFrom(codes: StoredCode[]): Prefill {
	const counts = new Map<string, number>();
	for (const c of codes) if (c.note) counts.set(c.note, (counts.get(c.note) ?? 0) + 1);
	const [quote = ''] = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1])[0] ?? [];
	return {
		quote,
		codes: Object.fromEntries(
			codes.map((c) => [
				c.category,
				{
					choice: c.notApplicable ? 'na' : String(c.value),
					note: c.note === quote ? '' : c.note
				}
			])
		)
	};
}

/** `pick`: `c`, a contribution id, or `i`, a 1-based position; neither opens the first not yet coded. */
export async function codingScreen(
	actor: Actor,
	meetingId: string,
	pick: { c?: string | null; i?: string | null }
) {
	const ctx = await reviewContext(actor, meetingId);
	demand(ctx.canManage, 'The coding screen is for reviewers and officers.');
	const meeting = await db().meeting.findUniqueOrThrow({
		where: { id: meetingId },
		select: { title: true, bodyId: true, startsAt: true, status: true }
	});
	const turns = await spokenTurns(db(), meetingId);
	const mine = ctx.canCode
		? await currentCodes(db(), meetingId, { coderMembershipId: ctx.membership.id })
		: [];
	const coded = new Set(mine.map((c) => c.contributionId));
	const list: ScreenTurn[] = turns.map((t, at) => ({
		id: t.id,
		position: at + 1,
		itemTitle: t.itemTitle,
		speaker: t.speaker,
		organisation: t.organisation,
		sectorName: t.sectorName,
		type: t.type,
		summary: t.summary,
		startedAt: t.startedAt.toISOString(),
		endedAt: t.endedAt?.toISOString() ?? null,
		codedByMe: coded.has(t.id)
	}));
	let index = 0;
	if (pick.c) {
		index = list.findIndex((t) => t.id === pick.c);
		if (index < 0) throw new NotFound('contribution');
	} else if (pick.i && /^\d+$/.test(pick.i)) {
		index = Math.min(Math.max(Number(pick.i) - 1, 0), Math.max(list.length - 1, 0));
	} else {
		index = Math.max(
			list.findIndex((t) => !t.codedByMe),
			0
		);
	}
	const current = list[index] ?? null;
	// The next one not yet coded, looking on from here and then from the start.
	const after = [...list.slice(index + 1), ...list.slice(0, index)];
	const nextUncoded = after.find((t) => !t.codedByMe) ?? null;
	const sections = await codingSections(ctx);
	return {
		meeting: {
			id: meetingId,
			title: meeting.title,
			bodyId: meeting.bodyId,
			startsAt: meeting.startsAt.toISOString(),
			status: meeting.status
		},
		canCode: ctx.canCode,
		canManage: ctx.canManage,
		codeScope: ctx.codeScope,
		published: ctx.published ? { at: ctx.published.at.toISOString() } : null,
		/** Published and not reopened: no codes or notes can be added. */
		frozen: ctx.published !== null && !ctx.reopened,
		reopened: ctx.reopened,
		mayReopen: isOfficer(ctx),
		turns: list,
		current,
		previousId: list[index - 1]?.id ?? null,
		nextId: list[index + 1]?.id ?? null,
		nextUncodedId: nextUncoded?.id ?? null,
		codedByMe: coded.size,
		prefill: prefillFrom(mine.filter((c) => c.contributionId === current?.id)),
		agreement: sections.agreement,
		notes: await reviewNotes(meetingId)
	};
}

export type CodingScreen = Awaited<ReturnType<typeof codingScreen>>;
