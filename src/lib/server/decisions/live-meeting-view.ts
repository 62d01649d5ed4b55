// What the live page shows of a meeting's record, for one actor: its challenges, the papers that can be
// cited, who is here, the quorum, each item's decision versions (latest first) and actions, and for those
// who run the meeting, the current item's draft wording and who may take part, matters arising and the
// body's previous meeting (whose minutes this one approves).
import { actionViews, mattersArising, type ActionView } from './actions.ts';
import type { Actor } from '../access/index.ts';
import { listChallenges } from '../meetings/index.ts';
import { db } from '../platform/index.ts';
import { readVersions } from './register.ts';
import { versionViews, type DecisionVersionView } from './views.ts';
import { readDraftWording } from './record.ts';
import { listEvidence } from '../meetings/index.ts';
import { meetingContext, meetingRights } from '../access/index.ts';
import { eligibleFor, quorumOf, readRoll } from '../meetings/index.ts';
import type { LiveRecord } from '../../live/record.ts';

export async function liveRecord(actor: Actor, meetingId: string): Promise<LiveRecord> {
	const ctx = await meetingContext(actor, meetingId);
	const rights = await meetingRights(ctx);
	const meeting = await db().meeting.findUniqueOrThrow({
		where: { id: meetingId },
		include: { body: { select: { quorum: true } } }
	});
	const roll = await readRoll(db(), meeting);
	const decisions = await db().decision.findMany({
		where: { meetingId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	const versions: Record<string, DecisionVersionView[]> = {};
	for (const decision of decisions)
		versions[decision.agendaItemId] = (
			await versionViews(db(), ctx, decision, await readVersions(decision.id))
		).reverse();
	const actionRows = await db().action.findMany({
		where: { meetingId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
	const actions: ActionView[] = await actionViews(db(), ctx.partnership.id, actionRows);
	const currentItemId = meeting.currentItemId;
	const deciding = rights.run && currentItemId !== null;
	const previous = rights.run
		? await db().meeting.findFirst({
				where: { bodyId: meeting.bodyId, startsAt: { lt: meeting.startsAt } },
				orderBy: { startsAt: 'desc' },
				select: { id: true, title: true, startsAt: true, status: true }
			})
		: null;
	return {
		challenges: await listChallenges(actor, meetingId),
		papers: (await listEvidence(actor, meetingId))
			.filter((p) => !p.withdrawn)
			.map((p) => ({ id: p.id, title: p.title, agendaItemId: p.agendaItemId })),
		people: roll.map((e) => ({
			membershipId: e.membershipId,
			name: e.name,
			organisationId: e.organisationId,
			organisationName: e.organisationName,
			sector: e.sector,
			here: e.here,
			voting: e.voting,
			delegatedAuthority: e.delegatedAuthority
		})),
		quorum: quorumOf(roll, meeting.body.quorum),
		versions,
		actions,
		wording: deciding ? await readDraftWording(meetingId, currentItemId) : '',
		eligible: deciding
			? (await eligibleFor(db(), meeting, currentItemId, roll)).map((e) => e.membershipId)
			: [],
		mattersArising: rights.run ? await mattersArising(actor, meetingId) : [],
		previous: previous && {
			...previous,
			startsAt: previous.startsAt.toISOString()
		}
	};
}
