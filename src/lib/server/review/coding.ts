// A meeting review's coding sections: the DQI summary of the codes the viewer may see, and the agreement
// between the coders. The summary follows the viewer's measure scope (a reviewer's own codes before
// publication, everyone's after, none for an officer before). Agreement is an aggregate over every coder,
// shown to whoever may read the review (reviewers and officers before publication). The disagreements
// are individual codes: listed for the coding team and officers only, and which values each coder gave
// only once the review is published; members and observers get their number, not the list.
import type { z } from 'zod';
import { currentCodes, spokenTurns, type StoredCode } from './coded-record.ts';
import { db } from '../platform/index.ts';
import type { ReviewContext } from './access.ts';
import { agreementSummary, dqiSummary, type CodeRow } from '../../review/dqi-summary.ts';
import type { AgreementView, DqiView } from '../../review/views.ts';

function rowOf(code: StoredCode): CodeRow {
	return {
		contributionId: code.contributionId,
		coderId: code.coderMembershipId,
		category: code.category,
		value: code.value,
		notApplicable: code.notApplicable
	};
}

async function coderNames(ids: string[]): Promise<Map<string, string>> {
	const rows = await db().membership.findMany({
		where: { id: { in: ids } },
		select: { id: true, user: { select: { name: true } } }
	});
	return new Map(rows.map((r) => [r.id, r.user.name]));
}

export async function codingSections(
	ctx: ReviewContext
): Promise<{ dqi: z.infer<typeof DqiView>; agreement: z.infer<typeof AgreementView> }> {
	const meetingId = ctx.meeting.id;
	const [turns, codes] = await Promise.all([
		spokenTurns(db(), meetingId),
		currentCodes(db(), meetingId)
	]);
	const spoken = new Set(turns.map((t) => t.id));
	const all = codes.filter((c) => spoken.has(c.contributionId)).map(rowOf);
	const visible =
		ctx.measureScope === 'all'
			? all
			: ctx.measureScope === 'own'
				? all.filter((c) => c.coderId === ctx.membership.id)
				: [];
	const contributions = turns.map((t) => ({
		id: t.id,
		organisation: t.organisation,
		sector: t.sector,
		speakerId: t.membershipId
	}));
	const names = await coderNames([...new Set(all.map((c) => c.coderId))]);
	const agreement = agreementSummary(all, names, ctx.published !== null && ctx.codeScope === 'all');
	if (!ctx.canManage) {
		agreement.disagreements = [];
		agreement.disagreementsListed = false;
	}
	// Each disagreement says which contribution it is (its place in the meeting), so reviewers can find it without opening every link.
	const position = new Map(turns.map((t, i) => [t.id, { turn: i + 1, t }]));
	agreement.disagreements = agreement.disagreements.map((d) => {
		const at = position.get(d.contributionId);
		return at
			? {
					...d,
					turn: at.turn,
					speaker: at.t.speaker,
					organisation: at.t.organisation,
					item: at.t.itemTitle
				}
			: d;
	});
	return {
		dqi: { scope: ctx.measureScope, ...dqiSummary(visible, contributions) },
		agreement
	};
}
