// The members' surveys a person may still answer: of meetings they were asked about (present as a member,
// survey.ts), closed, not yet answered by them, and not past the survey's closing.
import { now } from '../platform/index.ts';
import { db } from '../platform/index.ts';
import type { PartnershipContext } from '../access/index.ts';
import { REVIEWABLE } from './access.ts';
import { presentMembers, surveyClosesAt } from './survey.ts';
import { SURVEY_OPEN_DAYS } from '../../review/survey.ts';
import type { SurveyOpen } from '../../views/home.ts';

const DAY_MS = 86_400_000;

export async function surveysOpenTo(ctx: PartnershipContext): Promise<SurveyOpen[]> {
	if (ctx.membership.role !== 'MEMBER') return [];
	// No survey stays open longer than SURVEY_OPEN_DAYS after its meeting closed (or began, if the
	// record has no closing time), so older meetings need no closer look.
	const since = new Date(now().getTime() - SURVEY_OPEN_DAYS * DAY_MS);
	const recent = await db().meeting.findMany({
		where: {
			partnershipId: ctx.partnership.id,
			status: { in: [...REVIEWABLE] },
			OR: [{ closedAt: { gte: since } }, { closedAt: null, startsAt: { gte: since } }]
		},
		select: { id: true, title: true, startsAt: true }
	});
	if (!recent.length) return [];
	const ids = recent.map((m) => m.id);
	const [asked, answered] = await Promise.all([
		db().attendance.findMany({
			where: { ...presentMembers({ in: ids }), membershipId: ctx.membership.id },
			select: { meetingId: true }
		}),
		db().surveyReceipt.findMany({
			where: { meetingId: { in: ids }, membershipId: ctx.membership.id },
			select: { meetingId: true }
		})
	]);
	const askedIds = new Set(asked.map((a) => a.meetingId));
	const answeredIds = new Set(answered.map((r) => r.meetingId));
	const unanswered = recent.filter((m) => askedIds.has(m.id) && !answeredIds.has(m.id));
	const closing = await Promise.all(unanswered.map((m) => surveyClosesAt(db(), m.id)));
	const at = now();
	return unanswered
		.map((m, i) => ({
			meetingId: m.id,
			title: m.title,
			startsAt: m.startsAt.toISOString(),
			closesAt: closing[i]
		}))
		.filter((s) => at < s.closesAt)
		.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime())
		.map((s) => ({ ...s, closesAt: s.closesAt.toISOString() }));
}
