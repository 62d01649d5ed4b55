// Drafting "we asked / you said / we did" from the record: what the forum asked people and what they said
// (the priority and its engagement), what was decided, by whom and why (the decision's latest version, its
// meeting and chair, its alternatives and evidence), and what happens next (its actions, and when the forum
// will hear again). The officer edits the draft before publishing it. The draft is stored where others read
// it and becomes public, so its papers are named for SHARED (access/restricted-material.ts).
import { sentence } from '../../text.ts';
import type { Tx } from '../platform/index.ts';
import type { PriorityRow } from '../access/index.ts';
import { PAPER_ACCESS, paperTitleFor, SHARED } from '../access/index.ts';
import { formatDay } from '../../dates.ts';
import { DECISION_OUTCOMES, ENGAGEMENT_METHODS } from '../../vocabulary.ts';

/** With no action due, the forum hears again a quarter after the decision. */
const DEFAULT_HEAR_AGAIN_MONTHS = 3;

export interface FeedbackDraft {
	weAsked: string;
	youSaid: string;
	weDid: string;
	nextSteps: string;
	hearAgainBy: Date;
}

function addMonths(at: Date, months: number): Date {
	const next = new Date(at);
	next.setUTCMonth(next.getUTCMonth() + months);
	return next;
}

export async function draftFromRecord(
	tx: Tx,
	priority: PriorityRow,
	decisionId: string
): Promise<FeedbackDraft> {
	const decision = await tx.decision.findUniqueOrThrow({
		where: { id: decisionId },
		include: {
			meeting: {
				select: { title: true, startsAt: true, bodyId: true, body: { select: { name: true } } }
			},
			versions: {
				orderBy: { version: 'desc' },
				take: 1,
				include: { evidence: { select: { evidenceItemId: true } } }
			},
			actions: { orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }] }
		}
	});
	const latest = decision.versions[0];
	const [forum, item, chair, evidence, owners] = await Promise.all([
		tx.body.findUniqueOrThrow({ where: { id: priority.raisedByBodyId }, select: { name: true } }),
		tx.agendaItem.findUniqueOrThrow({
			where: { id: decision.agendaItemId },
			select: { title: true }
		}),
		tx.bodySeat.findFirst({
			where: { bodyId: decision.meeting.bodyId, role: 'CHAIR', endedAt: null },
			select: { membership: { select: { user: { select: { name: true } } } } }
		}),
		tx.evidenceItem.findMany({
			where: { id: { in: latest?.evidence.map((e) => e.evidenceItemId) ?? [] } },
			select: { title: true, ...PAPER_ACCESS }
		}),
		tx.organisation.findMany({
			where: { id: { in: decision.actions.map((a) => a.ownerOrganisationId) } },
			select: { id: true, name: true }
		})
	]);
	const ownerName = new Map(owners.map((o) => [o.id, o.name]));

	const engagement = [
		`through ${ENGAGEMENT_METHODS[priority.engagementMethod].toLowerCase()}`,
		priority.engagementFrom && priority.engagementTo
			? `from ${formatDay(priority.engagementFrom)} to ${formatDay(priority.engagementTo)}`
			: priority.engagementFrom
				? `on ${formatDay(priority.engagementFrom)}`
				: '',
		priority.participants !== null ? `with ${priority.participants} people taking part` : ''
	].filter(Boolean);
	const weAsked =
		`${forum.name} asked people about “${priority.title}” ${engagement.join(', ')}.` +
		(priority.groupsReached ? ` Groups reached: ${sentence(priority.groupsReached)}` : '');

	const who = chair
		? `${chair.membership.user.name}, chairing ${decision.meeting.body.name}`
		: decision.meeting.body.name;
	const why = [
		latest?.alternatives ? `Options considered: ${latest.alternatives}` : '',
		evidence.length
			? `Evidence: ${evidence.map((e) => paperTitleFor(SHARED, { ...e, title: e.title || 'untitled paper' })).join('; ')}`
			: ''
	].filter(Boolean);
	const actions = decision.actions.map(
		(a) =>
			`- ${a.text} (${ownerName.get(a.ownerOrganisationId) ?? 'owner to be confirmed'}` +
			(a.dueOn ? `, by ${formatDay(a.dueOn)})` : ')')
	);
	const weDid = [
		`${decision.meeting.body.name} considered this at ${decision.meeting.title} on ` +
			`${formatDay(decision.meeting.startsAt)} (item: ${item.title}), with ${who}.`,
		`Decision (${latest ? DECISION_OUTCOMES[latest.outcome].toLowerCase() : 'recorded'}): ${latest?.wording ?? ''}`,
		...(why.length ? [`Why: ${why.map(sentence).join(' ')}`] : []),
		...(actions.length ? ['Actions:', ...actions] : [])
	].join('\n');

	const due = decision.actions.flatMap((a) => a.dueOn ?? []);
	const decidedAt = latest?.recordedAt ?? decision.createdAt;
	const hearAgainBy = due.length
		? new Date(Math.max(...due.map((d) => d.getTime())))
		: addMonths(decidedAt, DEFAULT_HEAR_AGAIN_MONTHS);
	const nextSteps = [
		...(actions.length ? actions : ['- No actions are due yet.']),
		`The forum will hear again by ${formatDay(hearAgainBy)}.`
	].join('\n');

	return { weAsked, youSaid: priority.said, weDid, nextSteps, hearAgainBy };
}
