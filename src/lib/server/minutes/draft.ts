// The first draft of a meeting's minutes, written from its record: a pure function of what the tables
// hold (minutes/meeting-record.ts reads them), so the same record always drafts the same text. Plain text with
// markdown-like headings and lists, which the minutes document (collab/minutes.ts) holds as rich text that
// the officer then edits, and gives back unchanged.
import { andList } from '../../joint-names.ts';
import { sentence } from '../../text.ts';
import { formatDay, formatMeetingTime } from '../../dates.ts';
import {
	ACTION_STATUSES,
	CHALLENGE_KINDS,
	CONTRIBUTION_TYPES,
	DECISION_EFFECTS,
	DECISION_METHODS,
	DECISION_OUTCOMES,
	DECLARATION_ACTIONS,
	ITEM_PURPOSES,
	RESPONSE_STATUSES,
	type ActionStatus,
	type ChallengeKind,
	type ContributionType,
	type DecisionEffect,
	type DecisionMethod,
	type DecisionOutcome,
	type DeclarationAction,
	type ResponseStatus
} from '../../vocabulary.ts';

export interface Person {
	name: string;
	organisation: string;
}

export interface RecordDecisionVersion {
	version: number;
	outcome: DecisionOutcome;
	method: DecisionMethod;
	votes: { for: number; against: number; abstained: number } | null;
	wording: string;
	alternatives: string;
	dissent: { person: Person; reason: string }[];
	evidence: string[];
	/** What partners committed to, as recorded with the decision. */
	commitments: {
		organisation: string;
		person: string | null;
		text: string;
		withAuthority: boolean;
	}[];
	/** Organisations whose representative committed without delegated authority. */
	subjectToRatificationBy: string[];
	hash: string;
	recordedAt: Date;
}

export interface RecordItem {
	order: number;
	title: string;
	purpose: keyof typeof ITEM_PURPOSES;
	private: boolean;
	declarations: { person: Person; nature: string; action: DeclarationAction }[];
	/** Turns that were taken (started), in order. */
	contributions: { person: Person; type: ContributionType; summary: string }[];
	challenges: {
		raisedBy: Person;
		/** An organisation's or a person's name, or null when directed at nobody in particular. */
		directedTo: string | null;
		kind: ChallengeKind;
		/** The evidence item challenged, by title. */
		evidence: string | null;
		quote: string;
		text: string;
		responses: {
			by: Person | null;
			text: string;
			status: ResponseStatus;
			effect: DecisionEffect;
		}[];
	}[];
	/** Versions in order, oldest first; empty when no decision was recorded. */
	decision: RecordDecisionVersion[];
	/** At a joint meeting, the bodies that took the decision; empty (or absent) for a single body's. */
	takenBy?: string[];
	actions: {
		text: string;
		owner: string;
		person: string | null;
		dueOn: Date | null;
		status: ActionStatus;
	}[];
}

export interface MeetingRecord {
	meeting: {
		title: string;
		body: string;
		startsAt: Date;
		place: string;
		onlineLink: string;
	};
	attendance: {
		present: Person[];
		substitutes: { person: Person; for: Person | null }[];
		apologies: { person: Person; substitute: Person | null }[];
		absent: Person[];
	};
	items: RecordItem[];
}

const who = (p: Person) => (p.organisation ? `${p.name} (${p.organisation})` : p.name);
const list = (people: string[]) => (people.length ? people.join('; ') : 'none recorded');

function attendance(record: MeetingRecord): string[] {
	const { present, substitutes, apologies, absent } = record.attendance;
	return [
		'## Attendance',
		'',
		`Present: ${list(present.map(who))}`,
		`Substitutes: ${list(substitutes.map((s) => (s.for ? `${who(s.person)} for ${who(s.for)}` : who(s.person))))}`,
		`Apologies: ${list(apologies.map((a) => (a.substitute ? `${who(a.person)}, substitute ${who(a.substitute)}` : who(a.person))))}`,
		`Absent: ${list(absent.map(who))}`
	];
}

/**
 * Items taken in private go after this heading, and the public pages show approved minutes only up to
 * it; the officer keeps private business below it when editing.
 */
export const PRIVATE_BUSINESS_HEADING = '## Private business';

/** The part of minutes that may be published: everything before the private business heading. */
export function publicPart(text: string): string {
	const at = text.split('\n').findIndex((line) => line.trim().startsWith(PRIVATE_BUSINESS_HEADING));
	return at === -1 ? text : text.split('\n').slice(0, at).join('\n').trimEnd() + '\n';
}

function declarations(items: RecordItem[]): string[] {
	const lines = items.flatMap((item) =>
		item.declarations.map(
			(d) =>
				`- Item ${item.order}, ${item.title}: ${who(d.person)}: ${sentence(d.nature)} ${DECLARATION_ACTIONS[d.action]}.`
		)
	);
	return lines;
}

function discussion(item: RecordItem): string[] {
	if (!item.contributions.length) return [];
	return [
		'',
		'### Discussion',
		'',
		...item.contributions.map(
			(c) =>
				`- ${who(c.person)}, ${CONTRIBUTION_TYPES[c.type].toLowerCase()}${c.summary ? `: ${c.summary}` : '.'}`
		)
	];
}

function challenges(item: RecordItem): string[] {
	if (!item.challenges.length) return [];
	const lines = ['', '### Challenges', ''];
	for (const c of item.challenges) {
		const at = c.directedTo ? ` ${c.directedTo}` : '';
		const on = c.evidence ? `, on “${c.evidence}”` : '';
		lines.push(
			`- ${who(c.raisedBy)} challenged${at} (${CHALLENGE_KINDS[c.kind].toLowerCase()}${on}): ${c.text}`
		);
		if (c.quote) lines.push(`  Quoted: “${c.quote}”`);
		for (const r of c.responses)
			lines.push(
				`  Response${r.by ? ` by ${who(r.by)}` : ''} (${RESPONSE_STATUSES[r.status]}; ${DECISION_EFFECTS[r.effect].toLowerCase()}): ${r.text}`
			);
		if (!c.responses.length) lines.push('  No response recorded.');
	}
	return lines;
}

function method(v: RecordDecisionVersion): string {
	if (v.method !== 'VOTE' || !v.votes) return DECISION_METHODS[v.method].toLowerCase();
	const { for: yes, against, abstained } = v.votes;
	return `vote: ${yes} for, ${against} against, ${abstained} abstaining`;
}

function decision(item: RecordItem): string[] {
	if (!item.decision.length) return [];
	const lines = ['', '### Decision'];
	if (item.takenBy?.length) lines.push('', `Taken by ${andList(item.takenBy)}.`);
	for (const v of item.decision) {
		lines.push(
			'',
			`Version ${v.version}, ${formatMeetingTime(v.recordedAt)}: ${DECISION_OUTCOMES[v.outcome]} (${method(v)}).`,
			`Wording: ${v.wording}`
		);
		if (v.alternatives) lines.push(`Alternatives considered: ${v.alternatives}`);
		for (const d of v.dissent)
			lines.push(`Dissent: ${who(d.person)}${d.reason ? `: ${d.reason}` : ''}`);
		if (v.evidence.length) lines.push(`Evidence cited: ${v.evidence.join('; ')}`);
		// The commitments are a list of their own, apart from the lines around them by blank lines, as
		// the minutes document holds a list (minutes.ts); the text then reads back as it was written.
		if (v.commitments.length) lines.push('');
		for (const c of v.commitments)
			lines.push(
				`- ${c.organisation}${c.person ? ` (${c.person})` : ''} commits to: ${sentence(c.text)}` +
					(c.withAuthority ? '' : ' Given without delegated authority.')
			);
		if (v.subjectToRatificationBy.length)
			lines.push(
				...(v.commitments.length ? [''] : []),
				`Subject to ratification by ${v.subjectToRatificationBy.join(' and ')}.`
			);
	}
	return lines;
}

function actions(item: RecordItem): string[] {
	if (!item.actions.length) return [];
	return [
		'',
		'### Actions',
		'',
		...item.actions.map((a) => {
			const owner = a.person ? `${a.owner} (${a.person})` : a.owner;
			const due = a.dueOn ? `, due ${formatDay(a.dueOn)}` : '';
			return `- ${sentence(a.text)} Owner: ${owner}${due}. ${ACTION_STATUSES[a.status]}.`;
		})
	];
}

function agendaItem(item: RecordItem): string[] {
	return [
		`## ${item.order}. ${item.title}`,
		'',
		`Purpose: ${ITEM_PURPOSES[item.purpose]}.${item.private ? ' Taken in private.' : ''}`,
		...discussion(item),
		...challenges(item),
		...decision(item),
		...actions(item)
	];
}

/** The draft minutes of a meeting, from its record. */
export function draftMinutes(record: MeetingRecord): string {
	const { meeting } = record;
	const where = [meeting.place, meeting.onlineLink && `online at ${meeting.onlineLink}`]
		.filter(Boolean)
		.join(', ');
	const open = record.items.filter((item) => !item.private);
	const closed = record.items.filter((item) => item.private);
	const declared = declarations(open);
	const sections = [
		[
			`# Minutes: ${meeting.title}`,
			'',
			`${meeting.body}, ${formatMeetingTime(meeting.startsAt)}${where ? `, ${where}` : ''}.`
		],
		attendance(record),
		['## Declarations of interest', '', ...(declared.length ? declared : ['None declared.'])],
		...open.map(agendaItem)
	];
	if (closed.length) {
		const declaredInPrivate = declarations(closed);
		sections.push(
			[
				PRIVATE_BUSINESS_HEADING,
				'',
				'Taken in private: everything from this heading on is left out of the public pages.',
				...(declaredInPrivate.length
					? ['', '### Declarations of interest', '', ...declaredInPrivate]
					: [])
			],
			...closed.map(agendaItem)
		);
	}
	return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}
