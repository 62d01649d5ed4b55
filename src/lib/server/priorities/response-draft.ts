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
import { ENGAGEMENT_METHODS, type DecisionOutcome } from '../../vocabulary.ts';

/** With no action due, the forum hears again a quarter after the decision. */
const DEFAULT_HEAR_AGAIN_MONTHS = 3;

export interface FeedbackDraft {
	weAsked: string;
	youSaid: string;
	weDid: string;
	nextSteps: string;
	hearAgainBy: Date;
}

/** How each outcome is said, before the decision's own words. */
const OUTCOME_SENTENCES: Record<DecisionOutcome, string> = {
	AGREED: 'It agreed:',
	NOTED: 'It noted:',
	DEFERRED: 'It put off deciding for now:',
	REJECTED: 'It decided against it:',
	REFERRED: 'It passed the matter on:'
};

/** "a, b and c". */
function inWords(list: string[]): string {
	return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
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
		(priority.groupsReached
			? ` Among those who took part: ${sentence(priority.groupsReached)}`
			: '');

	// Sentences a resident would write: no field labels, and the actions once, under what happens next.
	const body = decision.meeting.body.name;
	const held =
		`${body} talked about this at its meeting on ${formatDay(decision.meeting.startsAt)} ` +
		`(${decision.meeting.title}), under the item “${item.title}”` +
		(chair ? `, chaired by ${chair.membership.user.name}.` : '.');
	const decided = latest
		? `${OUTCOME_SENTENCES[latest.outcome]} “${latest.wording.trim()}”`
		: 'Its decision has not been written up yet.';
	const papers = evidence.map((e) =>
		paperTitleFor(SHARED, { ...e, title: e.title || 'untitled paper' })
	);
	const why = [
		latest?.alternatives ? `It weighed other options too: ${sentence(latest.alternatives)}` : '',
		papers.length ? `It read ${inWords(papers)}.` : ''
	].filter(Boolean);
	const weDid = [held, decided, ...why].join(' ');
	const actions = decision.actions.map(
		(a) =>
			`- ${sentence(a.text)} ${ownerName.get(a.ownerOrganisationId) ?? 'The partnership'} will do it` +
			(a.dueOn ? ` by ${formatDay(a.dueOn)}.` : '.')
	);

	const due = decision.actions.flatMap((a) => a.dueOn ?? []);
	const decidedAt = latest?.recordedAt ?? decision.createdAt;
	const hearAgainBy = due.length
		? new Date(Math.max(...due.map((d) => d.getTime())))
		: addMonths(decidedAt, DEFAULT_HEAR_AGAIN_MONTHS);
	const nextSteps = [
		...(actions.length ? actions : ['Nothing has been set in motion yet.']),
		`The forum will hear again by ${formatDay(hearAgainBy)}.`
	].join('\n');

	return { weAsked, youSaid: priority.said, weDid, nextSteps, hearAgainBy };
}
