// The demo's joint risk register: six risks owned by different partners, defined by the partnership
// manager four months ago and linked to the plan's outcomes and the board's earlier decisions and actions,
// then reviewed at the two board meetings since with a risk review item (a hundred days ago and at the
// annual review four weeks ago), by the officer or the owner's own member, their scores changing; one of
// them reworded by the officer since.
import type { Actor } from '../src/lib/server/access/index.ts';
import { atTime, db } from '../src/lib/server/platform/index.ts';
import { defineRisk, editRisk, recordRiskReview } from '../src/lib/server/outcomes/index.ts';
import { HISTORY } from './history.ts';
import { daysFromToday } from './meeting.ts';
import type { DemoBoard } from './record.ts';
import { demoPeople } from './run.ts';

const e = (local: string) => `${local}@demo.example`;
const SLUG = 'strathmuir';
const DEFINED = -120;
/** A date `days` from today, as a form gives it. */
const date = (days: number) => daysFromToday(days, 12).toISOString().slice(0, 10);

/** A review at a meeting: who records it, the new scores, a note, and the next review in days from today. */
type Review = [by: string, likelihood: number, impact: number, note: string, next: number];

interface DemoRisk {
	title: string;
	description: string;
	owner: string;
	likelihood: number;
	impact: number;
	controls: string;
	/** Days from today; null: due at the next risk review. */
	next: number | null;
	outcomes: string[];
	/** Agenda items of the board's meeting two hundred days ago whose decisions (and actions) it bears on. */
	decisionsOn: number[];
	atFirst?: Review;
	atAnnual?: Review;
}

const RISKS: DemoRisk[] = [
	{
		title: 'Partners’ savings squeeze the pooled prevention fund',
		description:
			'Partners expect savings of 3% to 6% next year. If any of them cuts its contribution, the fund ' +
			'cannot keep its commitments to prevention work in the most deprived areas.',
		owner: 'council',
		likelihood: 4,
		impact: 4,
		controls: 'Contributions agreed a year ahead; spend reported to the board every quarter.',
		next: -105,
		outcomes: ['LOIP 2', 'NF 1'],
		decisionsOn: [2],
		atFirst: [
			'officer',
			4,
			5,
			'Two partners have signalled savings of 5% or more; £40,000 of the fund is uncommitted.',
			-40
		],
		atAnnual: [
			'officer',
			3,
			4,
			'The warm spaces fund is allocated and four partners have confirmed next year’s contributions.',
			60
		]
	},
	{
		title: 'Winter pressures overwhelm care at home',
		description:
			'Delayed discharges rise every winter. Without more care-at-home hours, people wait in hospital ' +
			'and others wait longer for care in their own homes.',
		owner: 'hscp',
		likelihood: 4,
		impact: 4,
		controls: 'Weekly discharge huddles; a winter plan agreed with the NHS board.',
		next: -105,
		outcomes: ['LOIP 1'],
		decisionsOn: [],
		atFirst: ['hscp', 5, 4, 'Recruitment to care at home is behind plan by 14 posts.', -40],
		atAnnual: [
			'hscp',
			5,
			3,
			'Recruitment has caught up by eight posts; a shared winter response goes to a special meeting of the board.',
			10
		]
	},
	{
		title: 'Antisocial behaviour in Riverside undermines confidence',
		description:
			'Residents in Riverside say they avoid the town centre after dark. If incidents rise again, ' +
			'they will stop taking part in the locality plan’s work.',
		owner: 'police',
		likelihood: 3,
		impact: 3,
		controls: 'Joint patrols on Friday and Saturday evenings; a residents’ safety survey.',
		next: -105,
		outcomes: ['LOIP 4', 'RV 1'],
		decisionsOn: [3],
		atFirst: [
			'police',
			2,
			3,
			'Reported incidents fell by 12% in a year; the residents’ survey is done.',
			80
		]
	},
	{
		title: 'Young people leave school without a positive destination',
		description:
			'One school leaver in twelve is not in work, training or learning nine months on, twice that in ' +
			'Northfield. Without a joint pathway, the plan’s target will be missed.',
		owner: 'enterprise',
		likelihood: 4,
		impact: 3,
		controls: 'College foundation places; the careers service’s follow-up of every leaver.',
		next: -60,
		outcomes: ['LOIP 3', 'EW 1'],
		decisionsOn: [],
		atAnnual: [
			'enterprise',
			2,
			3,
			'The board agreed a joint employability pathway: 20 paid placements and 30 college places.',
			90
		]
	},
	{
		title: 'Community groups lose their volunteers',
		description:
			'Many community groups depend on two or three volunteers. As they step down, warm spaces, lunch ' +
			'clubs and youth groups close.',
		owner: 'tsi',
		likelihood: 3,
		impact: 2,
		controls: 'Volunteer recruitment fairs twice a year; small grants for coordinators.',
		next: -105,
		outcomes: ['LOIP 1', 'NF 1'],
		decisionsOn: [],
		atFirst: ['tsi', 3, 3, 'Three groups lost their coordinators over the summer.', -40],
		atAnnual: [
			'officer',
			2,
			2,
			'New coordinators found for two of the three groups through the recruitment fair.',
			120
		]
	},
	{
		title: 'Partners cannot share the data the plan needs',
		description:
			'The plan’s indicators need data from several partners. Without data-sharing agreements, ' +
			'figures arrive late or not at all.',
		owner: 'nhs',
		likelihood: 2,
		impact: 4,
		controls: 'A data-sharing agreement drafted by the information governance leads.',
		next: null,
		outcomes: ['LOIP 1'],
		decisionsOn: [],
		atFirst: [
			'nhs',
			2,
			3,
			'The agreement is signed by four partners; the police’s recording change is a gap.',
			-35
		],
		atAnnual: ['nhs', 1, 3, 'Every partner has now signed the data-sharing agreement.', 150]
	}
];

/** Records the register; after the board's record and the plan's outcomes, which its risks link to. */
export async function recordDemoRisks(board: DemoBoard): Promise<void> {
	const people = await demoPeople(board.partnershipId);
	const as = (local: string): Actor => people.get(e(local))!.actor;
	const outcomes = new Map(
		(
			await db().outcome.findMany({
				where: { partnershipId: board.partnershipId },
				select: { id: true, code: true }
			})
		).map((o) => [o.code, o.id])
	);
	const earlier = board.history[HISTORY.findIndex((h) => h.daysAgo === 200)];
	const decisionsOn = async (items: number[]) =>
		db().decision.findMany({
			where: { agendaItemId: { in: items.map((i) => earlier.itemIds[i]) } },
			select: { id: true, actions: { select: { id: true } } }
		});
	const first = board.history[HISTORY.findIndex((h) => h.daysAgo === 100)];
	const meetings = [
		{ id: first.meetingId, days: -100, review: (r: DemoRisk) => r.atFirst },
		{ id: board.review.meetingId, days: -28, review: (r: DemoRisk) => r.atAnnual }
	];

	const ids: string[] = [];
	for (const risk of RISKS) {
		const decisions = await decisionsOn(risk.decisionsOn);
		const defined = await atTime(daysFromToday(DEFINED, 11), () =>
			defineRisk(as('admin'), SLUG, {
				title: risk.title,
				description: risk.description,
				ownerOrganisationId: board.orgIds.get(risk.owner)!,
				likelihood: risk.likelihood,
				impact: risk.impact,
				controls: risk.controls,
				nextReviewOn: risk.next === null ? null : date(risk.next),
				outcomeIds: risk.outcomes.map((code) => outcomes.get(code)!),
				decisionIds: decisions.map((d) => d.id),
				actionIds: decisions.flatMap((d) => d.actions.map((a) => a.id))
			})
		);
		ids.push(defined.id);
	}
	// The reviews, recorded for each meeting near the end of its risk review item.
	for (const meeting of meetings) {
		const startsAt = await db().meeting.findUniqueOrThrow({
			where: { id: meeting.id },
			select: { startsAt: true }
		});
		for (const [at, risk] of RISKS.entries()) {
			const review = meeting.review(risk);
			if (!review) continue;
			const [by, likelihood, impact, note, next] = review;
			const previous = RISKS[at];
			await atTime(new Date(startsAt.startsAt.getTime() + (112 + at) * 60_000), () =>
				recordRiskReview(as(by), ids[at], {
					meetingId: meeting.id,
					likelihood,
					impact,
					controls: meeting.days === -28 ? revised(previous.controls) : previous.controls,
					note,
					nextReviewOn: date(next)
				})
			);
		}
	}
	// After the annual review, the officer rewords the pooled fund's risk with what partners have since
	// confirmed: its history keeps the wording it was defined with.
	await atTime(daysFromToday(-27, 10), () =>
		editRisk(as('officer'), ids[0], {
			description:
				'Two partners have confirmed savings of 5% or more next year. If either cuts its contribution, ' +
				'the fund cannot keep its commitments to prevention work in the most deprived areas.'
		})
	);
}

/** The controls as the annual review revised them: what was in place, and that it was checked. */
function revised(controls: string): string {
	return `${controls} Checked at the annual review.`;
}
