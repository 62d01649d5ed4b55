// The demo forums' priorities, recorded through the same commands as the pages, as the demo people, at the
// times they would have happened (platform/clock.ts): the plan outcomes they serve; Northfield's warm spaces, decided
// at the board's annual review, answered and accepted; Eastwood's young people's jobs, passed on by its
// theme group, decided and answered, the answer contested; Eastwood's free swimming, declined with a reason;
// Riverside's school crossing, submitted three months ago and not heard of since; Riverside's fire safety
// visits, accepted with a promise to hear back by five days ago (so overdue); Eastwood's lit path, passed
// sideways from the health theme group to the community safety one; and Northfield's evening bus, raised
// this week and not yet submitted.
import type { Actor } from '../src/lib/server/access/index.ts';
import { atTime } from '../src/lib/server/platform/index.ts';
import { db } from '../src/lib/server/platform/index.ts';
import { demoIndicators, recordDemoIndicators } from './indicators.ts';
import { writeDemoStatements } from './statements.ts';
import { daysFromToday } from './meeting.ts';
import type { DemoBoard } from './record.ts';
import { demoPeople } from './run.ts';
import {
	giveVerdict,
	publishFeedback,
	updateFeedback
} from '../src/lib/server/priorities/index.ts';
import { createOutcome, tagAction } from '../src/lib/server/outcomes/index.ts';
import { raisePriority, recordPriorityEvent } from '../src/lib/server/priorities/index.ts';
import type { EngagementMethod, EngagementStandard } from '../src/lib/vocabulary.ts';

const e = (local: string) => `${local}@demo.example`;
const SLUG = 'strathmuir';

/** Runs a command `days` ago (negative: before today) at `hour` o'clock. */
const on = <T>(days: number, hour: number, work: () => Promise<T>) =>
	atTime(daysFromToday(days, hour), work);
/** A date `days` from today, as the engagement's dates are given. */
const date = (days: number) => daysFromToday(days, 12).toISOString().slice(0, 10);

interface Engagement {
	method: EngagementMethod;
	from: string;
	to: string;
	participants: number;
	groupsReached: string;
	groupsNotReached: string;
	standardsMet: EngagementStandard[];
}

/** Records the forums' priorities; after the board's record, whose decisions and actions they link to. */
export async function recordDemoPriorities(board: DemoBoard): Promise<void> {
	// Forty-odd small commits into a new database.
	await record(board);
}

async function record(board: DemoBoard): Promise<void> {
	const people = await demoPeople(board.partnershipId);
	const as = (email: string): Actor => people.get(email)!.actor;
	const officer = as(e('officer'));
	const bodies = new Map(
		(
			await db().body.findMany({
				where: { partnershipId: board.partnershipId },
				select: { id: true, name: true }
			})
		).map((b) => [b.name, b.id])
	);
	const body = (name: string) => bodies.get(name)!;
	const northfield = body('Northfield Locality Forum');
	const riverside = body('Riverside Locality Forum');
	const eastwood = body('Eastwood Area Partnership');
	const boardId = body('Strathmuir Partnership Board');
	const health = body('Health and Wellbeing Theme Group');
	const safety = body('Community Safety Theme Group');
	const org = (key: string) => board.orgIds.get(key)!;

	// The review's decisions on the warm spaces fund (item 2) and the employability pathway (item 3).
	const decisionOn = async (index: number) => {
		const decision = await db().decision.findUniqueOrThrow({
			where: { agendaItemId: board.review.itemIds[index] },
			select: { id: true, actions: { select: { id: true, text: true } } }
		});
		const action = (starts: string) => decision.actions.find((a) => a.text.startsWith(starts))!.id;
		return { id: decision.id, action };
	};
	const fund = await decisionOn(2);
	const pathway = await decisionOn(3);

	// The plans' outcomes, entered by the partnership manager when the plans were adopted.
	const admin = as(e('admin'));
	const outcome = (code: string, title: string, bodyId?: string) =>
		on(-150, 10, () =>
			createOutcome(admin, SLUG, {
				kind: bodyId ? 'LOCALITY_PLAN' : 'LOIP',
				code,
				title,
				...(bodyId ? { bodyId } : {})
			})
		).then((o) => o.id);
	const health1 = await outcome('LOIP 1', 'People in Strathmuir live longer, healthier lives');
	const poverty = await outcome('LOIP 2', 'Fewer children and families live in poverty');
	const work = await outcome('LOIP 3', 'Young people move into work, training or learning');
	const safer = await outcome('LOIP 4', 'Communities are safer and more resilient');
	const nfPlan = await outcome(
		'NF 1',
		'Northfield: no one is cold or alone through the winter',
		northfield
	);
	const rvPlan = await outcome(
		'RV 1',
		'Riverside: safe streets and homes in the town and the river villages',
		riverside
	);
	const ewPlan = await outcome(
		'EW 1',
		'Eastwood: young people have good things to do and somewhere to go',
		eastwood
	);
	// Their indicators, with a year of readings from the partners that measure them.
	await recordDemoIndicators(
		admin,
		demoIndicators(
			{ health: health1, poverty, work, safer },
			{ nhs: org('nhs'), council: org('council'), college: org('college'), police: org('police') },
			{ nhs: as(e('nhs')), officer, college: as(e('college')), police: as(e('police')) }
		)
	);
	// The partners' annual statements, for the annual report.
	await writeDemoStatements(SLUG, {
		council: { organisationId: org('council'), as: as(e('chair')) },
		nhs: { organisationId: org('nhs'), as: as(e('nhs')) },
		tsi: { organisationId: org('tsi'), as: as(e('tsi')) }
	});

	const raise = (
		days: number,
		email: string,
		bodyId: string,
		input: {
			title: string;
			said: string;
			area: string;
			theme: string;
			engagement: Engagement;
			outcomeIds: string[];
		}
	) => on(days, 19, () => raisePriority(as(email), bodyId, input)).then((p) => p.id);
	const step = (days: number, hour: number, email: string, id: string, input: object) =>
		on(days, hour, () => recordPriorityEvent(as(email), id, input));

	// (a) Northfield's warm spaces: decided at the annual review, answered, and the answer accepted.
	const warm = await raise(-70, e('northfield'), northfield, {
		title: 'Warm spaces within walking distance, open on weekday evenings',
		said:
			'“The library is warm but it shuts at five, and that’s when the house gets cold.” “I’d go somewhere ' +
			'if I could walk there; I can’t do the bus in the dark.” Two in three of the people who answered ' +
			'want a warm space within walking distance on weekday evenings, with a hot drink and someone to ' +
			'talk to, and not labelled as being for people who are struggling.',
		area: 'Northfield and Millbrae',
		theme: 'Health and wellbeing; cost of living',
		engagement: {
			method: 'SURVEY',
			from: date(-105),
			to: date(-77),
			participants: 312,
			groupsReached:
				'Older residents through the lunch club and the sheltered housing complexes; families at ' +
				'Northfield Primary’s coffee mornings; tenants’ associations in Northfield and Millbrae; ' +
				'paper copies at the library, the pharmacy and the food bank.',
			groupsNotReached:
				'Young people and residents who work shifts: the survey was mostly on paper at daytime sessions. ' +
				'Few replies from the Polish-speaking community; the forum will translate the next one.',
			standardsMet: ['INCLUSION', 'SUPPORT', 'PLANNING', 'METHODS', 'COMMUNICATION']
		},
		outcomeIds: [health1, nfPlan]
	});
	await step(-66, 10, e('northfield'), warm, { type: 'SUBMITTED', toBodyId: boardId });
	await step(-52, 15, e('chair'), warm, {
		type: 'ACCEPTED',
		leadOrganisationId: org('council'),
		influenceDeclared: 'CONSULT',
		hearBackBy: date(-20)
	});
	await step(-34, 11, e('officer'), warm, {
		type: 'SCHEDULED',
		agendaItemId: board.review.itemIds[2]
	});
	const decided = await step(-27, 10, e('officer'), warm, {
		type: 'DECIDED',
		decisionId: fund.id,
		influenceAchieved: 'INVOLVE'
	});
	await step(-27, 11, e('officer'), warm, {
		type: 'ACTION',
		actionId: fund.action('Report how many people used each warm space')
	});
	const warmAnswer = decided.feedback!;
	await on(-25, 14, () =>
		updateFeedback(officer, warmAnswer.id, {
			weDid:
				warmAnswer.weDid +
				'\nSix of the eight funded spaces are in or next to Northfield, and four of them will open on ' +
				'at least two weekday evenings.',
			nextSteps:
				warmAnswer.nextSteps +
				'\nThe board will look again in January if the spaces run short of money for evening opening.'
		})
	);
	await on(-24, 9, () => publishFeedback(officer, warmAnswer.id));
	await on(-14, 20, () =>
		giveVerdict(as(e('community')), warmAnswer.id, {
			verdict: 'ACCEPTED',
			note: 'The forum welcomes the fund and will help spread the word. We will be watching the January figures for evening opening.'
		})
	);
	await on(-27, 12, () =>
		tagAction(officer, fund.action('Report how many people used each warm space'), {
			outcomeIds: [health1, nfPlan]
		})
	);

	// (b) Eastwood's young people's jobs: passed on by the health theme group, decided, the answer contested.
	const jobs = await raise(-84, e('youth'), eastwood, {
		title: 'Paid work and training for young people in Eastwood, designed with them',
		said:
			'“Every scheme is in the town centre and the bus costs more than you get paid.” “Nobody asks us ' +
			'what we want to do, they just send us on a course.” Young people asked for paid placements ' +
			'they can reach from Eastwood, a person who sticks with them, and a say in how the scheme is run.',
		area: 'Eastwood',
		theme: 'Economy and skills; children and young people',
		engagement: {
			method: 'WORKSHOP',
			from: date(-100),
			to: date(-93),
			participants: 46,
			groupsReached:
				'Young people aged 15 to 24 at two evening workshops in the youth club and one at Eastwood ' +
				'Academy, including young carers and care-experienced young people through their support groups.',
			groupsNotReached:
				'Young people already out of school and not in touch with any service; the trust’s street ' +
				'work team will try to reach them this spring.',
			standardsMet: ['INCLUSION', 'SUPPORT', 'WORKING_TOGETHER', 'METHODS']
		},
		outcomeIds: [work, poverty, ewPlan]
	});
	await step(-80, 10, e('eastwood'), jobs, { type: 'SUBMITTED', toBodyId: health });
	await step(-66, 16, e('nhs'), jobs, {
		type: 'PASSED_ON',
		toBodyId: boardId,
		reason:
			'Jobs and training are beyond this group’s remit; the board is to decide on joint funding for an employability pathway at its annual review.'
	});
	await step(-45, 11, e('chair'), jobs, {
		type: 'ACCEPTED',
		leadOrganisationId: org('enterprise'),
		influenceDeclared: 'INVOLVE',
		hearBackBy: date(-20)
	});
	await step(-34, 11, e('officer'), jobs, {
		type: 'SCHEDULED',
		agendaItemId: board.review.itemIds[3]
	});
	const jobsDecided = await step(-27, 10, e('officer'), jobs, {
		type: 'DECIDED',
		decisionId: pathway.id,
		influenceAchieved: 'CONSULT'
	});
	await step(-27, 11, e('officer'), jobs, {
		type: 'ACTION',
		actionId: pathway.action('Set up the pathway’s steering group')
	});
	await on(-27, 12, () =>
		tagAction(officer, pathway.action('Set up the pathway’s steering group'), {
			outcomeIds: [work, ewPlan]
		})
	);
	const jobsAnswer = jobsDecided.feedback!;
	await on(-21, 9, () => publishFeedback(officer, jobsAnswer.id));
	await on(-12, 20, () =>
		giveVerdict(as(e('youth')), jobsAnswer.id, {
			verdict: 'CONTESTED',
			note:
				'None of the 20 placements is promised to Eastwood, where young people said they cannot afford ' +
				'the bus to the town centre, and the response does not say when young people will join the ' +
				'steering group. We asked to help design the pathway; we were only asked what we thought.'
		})
	);

	// (c) Eastwood's free swimming: declined by the health theme group, with its reason.
	const swim = await raise(-55, e('eastwood'), eastwood, {
		title: 'Free swimming for under-16s at Eastwood pool in the school holidays',
		said:
			'“The pool is right there and the kids can’t afford to go in.” Parents said a swim costs £3.80 and ' +
			'a family of four cannot do that every week of the holidays.',
		area: 'Eastwood',
		theme: 'Health and wellbeing',
		engagement: {
			method: 'COMMUNITY_ACTIVITY',
			from: date(-75),
			to: date(-61),
			participants: 64,
			groupsReached: 'Families at the summer holiday lunch club and the Eastwood gala.',
			groupsNotReached: 'Families who did not come to the lunch club or the gala.',
			standardsMet: ['INCLUSION', 'METHODS']
		},
		outcomeIds: [health1, poverty]
	});
	await step(-50, 10, e('eastwood'), swim, { type: 'SUBMITTED', toBodyId: health });
	await step(-33, 15, e('nhs'), swim, {
		type: 'DECLINED',
		reason:
			'Pool prices are set by Strathmuir Leisure Trust, which is not a partner and whose budget this group cannot commit. We have sent the forum’s request to the trust’s board and asked it to reply to the forum directly. The group would support a bid from the forum to the Active Communities fund, which opens in spring.'
	});

	// (d) Riverside's school crossing: submitted three months ago, nothing since.
	const crossing = await raise(-96, e('riverside'), riverside, {
		title: 'A safe crossing on Mill Road by Riverside Primary',
		said:
			'“The cars come round the bend at forty and the children cross between parked vans.” Parents and ' +
			'the school asked for a signal-controlled crossing and a 20mph limit at school times.',
		area: 'Riverside',
		theme: 'Community safety; road safety',
		engagement: {
			method: 'PUBLIC_MEETING',
			from: date(-110),
			to: date(-110),
			participants: 58,
			groupsReached:
				'Parents, the school’s pupil council, and residents of Mill Road and Kirk Brae.',
			groupsNotReached: 'Drivers who use Mill Road to reach the bypass.',
			standardsMet: ['PLANNING', 'WORKING_TOGETHER', 'COMMUNICATION']
		},
		outcomeIds: [safer, rvPlan]
	});
	await step(-90, 10, e('riverside'), crossing, { type: 'SUBMITTED', toBodyId: safety });

	// (e) Riverside's fire safety visits: accepted by the safety theme group, fire and rescue leading.
	const visits = await raise(-48, e('station'), riverside, {
		title: 'Home fire safety visits for older people living alone in the river villages',
		said:
			'“Half the houses up the glen have coal fires and no smoke alarm that works.” The forum asked for ' +
			'visits to every older person living alone in the villages before the worst of the winter.',
		area: 'The river villages',
		theme: 'Community safety',
		engagement: {
			method: 'COMMUNITY_ACTIVITY',
			from: date(-62),
			to: date(-50),
			participants: 37,
			groupsReached:
				'Older residents at the village halls’ lunch clubs and through the community nurse.',
			groupsNotReached: 'People who no longer get out to the halls.',
			standardsMet: ['INCLUSION', 'SUPPORT', 'WORKING_TOGETHER']
		},
		outcomeIds: [safer, rvPlan]
	});
	await step(-44, 10, e('riverside'), visits, { type: 'SUBMITTED', toBodyId: safety });
	// Promised an answer by five days ago, and not yet scheduled: overdue on the trace and Riverside's page.
	await step(-20, 15, e('fire'), visits, {
		type: 'ACCEPTED',
		leadOrganisationId: org('fire'),
		influenceDeclared: 'COLLABORATE',
		hearBackBy: date(-5)
	});

	// (g) Eastwood's lit path: submitted to the health theme group, which passed it sideways to the
	// community safety theme group, whose table has the council's lighting team.
	const path = await raise(-30, e('eastwood'), eastwood, {
		title: 'Light the path from the Eastwood flats to the health centre',
		said:
			'“I miss my evening appointments in winter because I won’t walk that path in the dark.” Residents ' +
			'of the Eastwood flats said the short cut to the health centre has no lights and feels unsafe after ' +
			'four o’clock from November to February.',
		area: 'Eastwood',
		theme: 'Health and wellbeing; community safety',
		engagement: {
			method: 'COMMUNITY_ACTIVITY',
			from: date(-45),
			to: date(-35),
			participants: 41,
			groupsReached: 'Tenants at the Eastwood flats’ residents’ association and the lunch club.',
			groupsNotReached: 'Shift workers who use the path late at night.',
			standardsMet: ['INCLUSION', 'WORKING_TOGETHER']
		},
		outcomeIds: [safer, ewPlan]
	});
	await step(-26, 10, e('eastwood'), path, { type: 'SUBMITTED', toBodyId: health });
	await step(-12, 15, e('nhs'), path, {
		type: 'PASSED_SIDEWAYS',
		toBodyId: safety,
		reason:
			'Lighting and safe paths are community safety matters: the safety theme group has the council’s ' +
			'street lighting team round its table and a budget for lighting this winter.'
	});

	// (f) Northfield's evening bus: raised this week, not yet submitted.
	await raise(-3, e('community'), northfield, {
		title: 'Bring back the evening 14 bus',
		said:
			'“After seven there’s no way home from the hospital unless you get a taxi.” Older residents and ' +
			'shift workers said losing the evening 14 has cut them off after 7pm; people are missing visiting ' +
			'hours, evening classes and late shifts.',
		area: 'Northfield',
		theme: 'Transport; cost of living',
		engagement: {
			method: 'SURVEY',
			from: date(-60),
			to: date(-40),
			participants: 208,
			groupsReached:
				'Bus users at the Northfield stops, the health centre and the sheltered housing complexes; ' +
				'shift workers through the hospital’s staff newsletter.',
			groupsNotReached: 'People who have stopped using the bus altogether.',
			standardsMet: ['INCLUSION', 'METHODS', 'COMMUNICATION']
		},
		outcomeIds: [poverty, nfPlan]
	});
}
