// Plan outcomes, indicators and ratifications arranged straight into a test database.
import { randomUUID } from 'node:crypto';
import type { Fixture } from './factories.ts';
import type { TestDb } from './server.ts';

const DAY = 86_400_000;

/** The day `days` from today (negative: past), as YYYY-MM-DD. */
export const fromToday = (days: number) =>
	new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export async function makeOutcome(db: TestDb, fx: Fixture, code = randomUUID().slice(0, 8)) {
	return db.outcome.create({
		data: { partnershipId: fx.partnership.id, kind: 'LOIP', code, title: 'Arranged outcome' }
	});
}

/** An indicator of a new outcome, measured by the council (every fixture member's organisation). */
export async function makeIndicator(db: TestDb, fx: Fixture) {
	return db.indicator.create({
		data: {
			partnershipId: fx.partnership.id,
			outcomeId: (await makeOutcome(db, fx)).id,
			name: 'Arranged indicator',
			unit: '%',
			sourceOrganisationId: fx.organisations.council.id,
			geography: 'Whole area',
			direction: 'UP',
			baselineValue: 10,
			baselineOn: new Date('2025-04-01'),
			targetValue: 20,
			targetOn: new Date('2030-03-31'),
			createdById: fx.members.ADMIN.userId
		}
	});
}

/** Makes a decision subject to the council's ratification: a commitment given without delegated authority. */
export async function makeRatifiable(db: TestDb, fx: Fixture, decisionId: string) {
	await db.decisionCommitment.create({
		data: {
			versionId: (await db.decisionVersion.findFirstOrThrow({ where: { decisionId } })).id,
			organisationId: fx.organisations.council.id,
			text: 'Two officers for the pilot',
			withAuthority: false
		}
	});
}

/** A board meeting on `startsAt` with a risk review item, as the agenda's projection would have made it. */
export async function makeRiskReviewMeeting(db: TestDb, fx: Fixture, startsAt: Date) {
	const meeting = await db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.board.id,
			title: `Board, risk review ${randomUUID().slice(0, 6)}`,
			startsAt,
			status: 'AGENDA_ISSUED',
			agendaIssuedAt: startsAt,
			createdById: fx.members.SECRETARIAT.userId
		}
	});
	await db.agendaItem.create({
		data: {
			id: randomUUID().replaceAll('-', '').slice(0, 24),
			meetingId: meeting.id,
			order: 1,
			title: 'Joint risk register: review',
			purpose: 'RISK_REVIEW'
		}
	});
	return meeting;
}

/**
 * A risk owned by the council (every fixture member's organisation), with its first assessment and its
 * wording as defined (version 1).
 */
export async function makeRisk(db: TestDb, fx: Fixture, nextReviewOn: Date | null = null) {
	const title = `Arranged risk ${randomUUID().slice(0, 8)}`;
	return db.risk.create({
		data: {
			partnershipId: fx.partnership.id,
			title,
			description: 'Arranged',
			ownerOrganisationId: fx.organisations.council.id,
			createdById: fx.members.ADMIN.userId,
			versions: {
				create: {
					version: 1,
					title,
					description: 'Arranged',
					outcomeIds: [],
					decisionIds: [],
					actionIds: [],
					recordedById: fx.members.ADMIN.userId
				}
			},
			reviews: {
				create: {
					likelihood: 3,
					impact: 4,
					controls: 'Arranged controls',
					note: '',
					status: 'OPEN',
					reviewedOn: new Date('2026-01-05'),
					nextReviewOn,
					recordedById: fx.members.ADMIN.userId
				}
			}
		}
	});
}

/**
 * A decision of the theme group recorded outside its scheme of delegation (its check says so), and so
 * subject to ratification by its parent body, the board.
 */
export async function makeOutsideScheme(db: TestDb, fx: Fixture): Promise<string> {
	const meeting = await db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.theme.id,
			title: 'Arranged theme group',
			startsAt: new Date('2026-05-07T09:30:00Z'),
			status: 'CLOSED',
			createdById: fx.members.SECRETARIAT.userId
		}
	});
	const item = await db.agendaItem.create({
		data: {
			id: 'i' + randomUUID().replaceAll('-', '').slice(0, 24),
			meetingId: meeting.id,
			order: 1,
			title: 'New clinic',
			purpose: 'DECISION'
		}
	});
	const decision = await db.decision.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: fx.bodies.theme.id,
			meetingId: meeting.id,
			agendaItemId: item.id,
			versions: {
				create: {
					version: 1,
					wording: 'The group agrees the clinic.',
					outcome: 'AGREED',
					method: 'CONSENSUS',
					quorate: true,
					hash: 'arranged',
					recordedById: fx.members.SECRETARIAT.userId
				}
			},
			delegation: {
				create: {
					version: 1,
					amountPounds: 90000,
					reservedMatters: [],
					outsideScheme: true,
					recordedAt: new Date()
				}
			}
		}
	});
	return decision.id;
}
