// The demo board's reviews: both reviewers code every spoken contribution of the board's past meetings but
// the special one (left for a browser test to code), through the same command as the coding screen, at
// plausible times after each meeting; the reviews of all but the most recent coded meeting are published,
// with a note or two. The codes are made up by rule, not read from anywhere: a level for each category from
// the kind of turn, who spoke and where it fell in the item, nudged upward as the year goes on, then the
// second coder agreeing most of the time and otherwise a level off or the other side of "not applicable".
// A seeded generator keeps them the same on every load.
import type { Actor } from '../src/lib/server/access/index.ts';
import { mulberry32 } from '../src/lib/random.ts';
import { atTime } from '../src/lib/server/platform/index.ts';
import { recordCodes, type RecordCodesInput } from '../src/lib/server/review/index.ts';
import { db } from '../src/lib/server/platform/index.ts';
import type { DemoBoard } from './record.ts';
import { demoPeople, type People } from './run.ts';
import { addReviewNote, publishReview } from '../src/lib/server/review/index.ts';
import { answerSurvey } from '../src/lib/server/review/index.ts';
import { DQI, type DqiKey } from '../src/lib/review/dqi.ts';
import { SURVEY_KEYS } from '../src/lib/review/survey.ts';
import type { ContributionType, Sector } from '../src/lib/vocabulary.ts';

const DAY = 86_400_000;
const CODERS = ['reviewer@demo.example', 'researcher@demo.example'] as const;

/** What the rules look at in a turn. */
interface Turn {
	type: ContributionType;
	/** Community or third sector. */
	voice: boolean;
	/** The first turn on its item: nothing said before it to refer to. */
	first: boolean;
	/** A challenge has been made earlier on the same item, or this turn is one. */
	contested: boolean;
	/** Tells of residents' or families' experience. */
	story: boolean;
	/** How far through the year: 0 at the first coded meeting, 1 at the last. */
	year: number;
}

type Level = number | null;
const STORY = /resident|tenant|neighbour|famil|young people gathering|told of/i;

/** The first coder's level in each category (null: not applicable). */
function levels(t: Turn, r: () => number): Record<DqiKey, Level> {
	const up = (p: number) => (r() < p ? 1 : 0);
	const clamp = (v: number, top: number) => Math.max(0, Math.min(top, v));
	const asking = t.type === 'QUESTION';
	const base = { CHALLENGE: 2, PROPOSAL: 2, RESPONSE: 1 }[t.type as string] ?? 1;
	return {
		participation: r() < 0.08 ? 0 : 1,
		justification: asking ? null : clamp(base + up(0.2 + 0.45 * t.year) - up(0.25), 3),
		justificationContent: asking
			? null
			: t.voice
				? r() < 0.55
					? 3
					: 2
				: r() < 0.35 - 0.2 * t.year
					? 0
					: r() < 0.55
						? 1
						: 2,
		respectGroups:
			r() < 0.3 ? null : r() < 0.06 ? 0 : 1 + up(t.voice ? 0.55 : 0.15 + 0.35 * t.year),
		respectDemands: t.first ? null : r() < 0.08 ? 0 : 1 + up(0.15 + 0.45 * t.year),
		respectCounterarguments: !t.contested
			? null
			: t.type === 'RESPONSE'
				? r() < 0.12
					? 1
					: 2 + up(0.3 + 0.4 * t.year)
				: t.type === 'CHALLENGE'
					? 2
					: 1 + up(0.6),
		constructivePolitics: !t.contested
			? null
			: t.type === 'CHALLENGE'
				? up(0.35 + 0.35 * t.year)
				: t.type === 'RESPONSE'
					? 1 + up(0.35 + 0.45 * t.year)
					: r() < 0.3
						? 0
						: 1,
		interactivity: t.first
			? 0
			: t.type === 'CHALLENGE'
				? r() < 0.55
					? 1
					: 2
				: r() < 0.12
					? 0
					: 2 + up(0.2 + 0.4 * t.year),
		storytelling: t.story && t.voice ? 1 : 0
	};
}

/** How often the second coder gives the first coder's code, by category. */
const AGREE: Record<DqiKey, number> = {
	participation: 0.95,
	justification: 0.78,
	justificationContent: 0.8,
	respectGroups: 0.8,
	respectDemands: 0.82,
	respectCounterarguments: 0.8,
	constructivePolitics: 0.82,
	interactivity: 0.8,
	storytelling: 0.94
};
/** Categories a coder may judge not applicable; the others always get a level. */
const MAY_BE_NA = new Set<DqiKey>([
	'justification',
	'justificationContent',
	'respectGroups',
	'respectDemands',
	'respectCounterarguments',
	'constructivePolitics'
]);

/** The second coder's code: the first's most of the time, else a neighbouring level or the other side of N/A. */
function secondCoder(category: DqiKey, level: Level, r: () => number): Level {
	if (r() < AGREE[category]) return level;
	const top = DQI.find((c) => c.key === category)!.levels.length - 1;
	if (level === null) return Math.min(top, 1);
	if (MAY_BE_NA.has(category) && r() < 0.2) return null;
	if (level === 0) return 1;
	if (level === top) return top - 1;
	return level + (r() < 0.5 ? -1 : 1);
}

/** The short note behind each level, by category; and behind "not applicable". */
const NOTES: Record<DqiKey, { levels: string[]; na?: string }> = {
	participation: { levels: ['Cut short by the chair', 'Spoke without interruption'] },
	justification: {
		levels: [
			'States a position with no reasons',
			'A reason, not linked to what is asked',
			'One complete reason for what is asked',
			'Several reasons, weighed against each other'
		],
		na: 'No demand made: a question or an update'
	},
	justificationContent: {
		levels: [
			'Argues from its own organisation’s interest',
			'No appeal to anyone’s interest',
			'Appeals to the good of the whole area',
			'Appeals to those worst off'
		],
		na: 'No reasons given, so no content to judge'
	},
	respectGroups: {
		levels: [
			'Dismissive of the people affected',
			'People affected mentioned without judgement',
			'Speaks up for the people affected'
		],
		na: 'No group of people mentioned'
	},
	respectDemands: {
		levels: [
			'Dismisses another partner’s point',
			'Neither dismisses nor values earlier points',
			'Values another partner’s point explicitly'
		],
		na: 'Nothing asked before this on the item'
	},
	respectCounterarguments: {
		levels: [
			'Ignores the challenge',
			'Belittles the challenge',
			'Acknowledges the challenge',
			'Values the challenge and takes it on'
		],
		na: 'No counterargument on the table'
	},
	constructivePolitics: {
		levels: [
			'Holds its position',
			'Puts forward an alternative',
			'Offers a way both sides can accept'
		],
		na: 'No disagreement at this point'
	},
	interactivity: {
		levels: [
			'No reference to what others said',
			'Refers critically to another’s point',
			'Refers to another’s point',
			'Builds on another’s point'
		]
	},
	storytelling: { levels: ['No story or experience', 'Tells of residents’ experience'] }
};

function codesInput(values: Record<DqiKey, Level>, quote?: string): RecordCodesInput {
	return {
		quote,
		codes: DQI.map(({ key }) => {
			const value = values[key];
			const note = value === null ? NOTES[key].na : NOTES[key].levels[value];
			return value === null
				? { category: key, notApplicable: true, note }
				: { category: key, value, note };
		})
	};
}

/** A few words from the officer's note of the turn, as the quote that backs the first coder's codes. */
function quoteOf(summary: string): string {
	const words = summary.split(/\s+/);
	return words.length <= 12 ? summary : `${words.slice(0, 12).join(' ')}…`;
}

/** A few reviewer notes, by the meeting's index among the coded ones. */
const REVIEW_NOTES: [meeting: number, coder: 0 | 1, text: string][] = [
	[
		0,
		0,
		'A meeting of reports: no challenge was put, the one decision noted a report without citing its paper, and the community members present did not speak.'
	],
	[
		2,
		1,
		'Community members put two of the four challenges and the third sector one. One changed the counselling decision; the question on the uncommitted £40,000 was left unresolved.'
	],
	[
		3,
		0,
		'Before publishing: reconcile our codes on the employability item, where we read the response to the equalities challenge differently.'
	]
];

/**
 * Picked by trying seeds against the demo's contributions: agreement mostly between 0.5 and 0.8 per
 * category, as two trained coders usually reach, and quality rising meeting by meeting.
 */
const SEED = 1583;

interface Spoken {
	id: string;
	agendaItemId: string;
	type: ContributionType;
	summary: string;
	membership: { organisation: { sector: Sector } };
}

/** Both coders' levels for each spoken contribution of each meeting (oldest first), from the seed. */
export function planCodes(meetings: { contributions: Spoken[] }[], seed: number) {
	const random = mulberry32(seed);
	return meetings.map((meeting, index) => {
		const year = meetings.length > 1 ? index / (meetings.length - 1) : 1;
		const seen = new Set<string>();
		const contested = new Set<string>();
		return meeting.contributions.map((c) => {
			const sector = c.membership.organisation.sector;
			const voice = sector === 'COMMUNITY' || sector === 'THIRD_SECTOR';
			if (c.type === 'CHALLENGE') contested.add(c.agendaItemId);
			const turn: Turn = {
				type: c.type,
				voice,
				first: !seen.has(c.agendaItemId),
				contested: contested.has(c.agendaItemId),
				story: STORY.test(c.summary),
				year
			};
			seen.add(c.agendaItemId);
			const first = levels(turn, random);
			const second = Object.fromEntries(
				DQI.map(({ key }) => [key, secondCoder(key, first[key], random)])
			) as Record<DqiKey, Level>;
			return { id: c.id, summary: c.summary, codes: [first, second] };
		});
	});
}

/** Codes the past board meetings (all but the special one) as both reviewers, publishes all but the last, and has members answer the surveys. */
export async function recordDemoReview(board: DemoBoard): Promise<void> {
	// A few hundred small commits into a new database.
	await record(board);
}

async function record(board: DemoBoard): Promise<void> {
	const people = await demoPeople(board.partnershipId);
	await codeAndPublish(board, people);
	await answerSurveys(board, people);
}

async function codeAndPublish(board: DemoBoard, people: People): Promise<void> {
	const coders: Actor[] = CODERS.map((email) => people.get(email)!.actor);
	const ids = [...board.history, board.review].map((m) => m.meetingId);
	const meetings = await db().meeting.findMany({
		where: { id: { in: ids } },
		orderBy: { startsAt: 'asc' },
		select: {
			id: true,
			startsAt: true,
			contributions: {
				where: { startedAt: { not: null }, cancelledAt: null },
				orderBy: { startedAt: 'asc' },
				select: {
					id: true,
					agendaItemId: true,
					type: true,
					summary: true,
					membership: { select: { organisation: { select: { sector: true } } } }
				}
			}
		}
	});
	const plans = planCodes(meetings, SEED);
	for (const [index, meeting] of meetings.entries()) {
		const coded = plans[index];
		// Each coder works through the meeting in one sitting, a minute or two a contribution.
		const start = meeting.startsAt.getTime();
		for (const [which, coder] of coders.entries()) {
			const sitting = new Date(start + (which === 0 ? 4 : 9) * DAY);
			sitting.setHours(which === 0 ? 10 : 14, 0, 0, 0);
			for (const [i, c] of coded.entries())
				await atTime(new Date(sitting.getTime() + i * 90_000), () =>
					recordCodes(
						coder,
						c.id,
						codesInput(c.codes[which], which === 0 ? quoteOf(c.summary) : undefined)
					)
				);
		}
		const published = new Date(start + 21 * DAY);
		published.setHours(11, 0, 0, 0);
		for (const [at, coder, text] of REVIEW_NOTES)
			if (at === index)
				await atTime(new Date(published.getTime() - 60 * 60_000), () =>
					addReviewNote(coders[coder], meeting.id, { text })
				);
		if (index < meetings.length - 1)
			await atTime(published, () => publishReview(coders[0], meeting.id));
	}
}

/** How each member tends to answer the five statements (1-5, in SURVEY_KEYS' order). */
const LEANINGS: Record<string, [number, number, number, number, number]> = {
	chair: [4, 4, 4, 4, 4],
	nhs: [4, 3, 4, 3, 3],
	police: [4, 4, 3, 3, 3],
	fire: [4, 4, 4, 3, 3],
	enterprise: [3, 4, 3, 3, 3],
	college: [4, 4, 3, 3, 3],
	skills: [3, 3, 3, 3, 3],
	hscp: [4, 3, 4, 3, 3],
	tsi: [3, 3, 2, 2, 2],
	community: [2, 3, 2, 3, 2],
	tenants: [2, 2, 2, 3, 2]
};
/** A comment or two after each meeting (by index among the past meetings, oldest first). */
const COMMENTS: [meeting: number, text: string][] = [
	[0, 'Useful to hear from every partner, but there was no time left to discuss anything.'],
	[1, 'The safety item took over the meeting and the drug and alcohol paper was rushed.'],
	[2, 'Good to see the counselling decision changed after the third sector’s challenge.'],
	[2, 'The £40,000 question deserved an answer.'],
	[3, 'We ran out of time for the bus routes, which matter most to Northfield.'],
	[4, 'A short meeting with the right people in the room.']
];
/** The special meeting: answered by these three, leaving the community member to a browser test. */
const SPECIAL_ANSWERS = ['chair', 'nhs', 'tsi'];

/**
 * Members present answer each past meeting's survey a few days after it: most of them, the special
 * meeting's only three. Their answers lean the way the members do (statutory partners more content than
 * the community and third sector), and do not always match the record: the board says it scrutinises well
 * in a year that began with no challenge at all, and disagreement feels rarer than the record shows.
 */
async function answerSurveys(board: DemoBoard, people: People): Promise<void> {
	const random = mulberry32(SEED + 1);
	const emails = new Map([...people].map(([email, p]) => [p.membershipId, email]));
	const ids = [...board.history, board.review, board.special].map((m) => m.meetingId);
	const meetings = await db().meeting.findMany({
		where: { id: { in: ids } },
		orderBy: { startsAt: 'asc' },
		select: {
			id: true,
			startsAt: true,
			attendance: {
				where: { status: { in: ['PRESENT', 'SUBSTITUTE_FOR'] } },
				orderBy: { membershipId: 'asc' },
				select: { membershipId: true }
			}
		}
	});
	for (const [index, meeting] of meetings.entries()) {
		const special = meeting.id === board.special.meetingId;
		const year = index / (meetings.length - 1);
		const present = meeting.attendance
			.map((a) => emails.get(a.membershipId)!.split('@')[0])
			.filter((who) => who in LEANINGS)
			.sort();
		// Most answer; one or two never get round to it.
		const answering = special
			? SPECIAL_ANSWERS.filter((who) => present.includes(who))
			: present.filter(() => random() > 0.2);
		const comments = COMMENTS.filter(([at]) => at === index).map(([, text]) => text);
		for (const [i, who] of answering.entries()) {
			const lean = LEANINGS[who];
			// The first meeting, all reports, felt like scrutiny; disagreement feels rarer than the record shows.
			const drift = [year < 0.25 ? 1 : 0, -Math.round(year), Math.round(year * random()), 0, 0];
			const answers = Object.fromEntries(
				SURVEY_KEYS.map((key, s) => {
					if (random() < 0.05) return [key, null];
					const noise = random() < 0.3 ? (random() < 0.5 ? -1 : 1) : 0;
					return [key, Math.max(1, Math.min(5, lean[s] + drift[s] + noise))];
				})
			);
			const at = new Date(meeting.startsAt.getTime() + (1 + (i % 4)) * DAY);
			at.setHours(9 + ((i * 3) % 9), (i * 17) % 60, 0, 0);
			await atTime(at, () =>
				answerSurvey(people.get(`${who}@demo.example`)!.actor, meeting.id, {
					answers,
					comment: i < comments.length ? comments[i] : undefined
				})
			);
		}
	}
}
