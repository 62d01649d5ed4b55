// Meetings and papers arranged straight into a test database, and people from a given partner organisation.
import { randomBytes } from 'node:crypto';
import { makeUser, type Fixture } from './factories.ts';
import type { TestDb } from './server.ts';

export async function makeMeeting(
	db: TestDb,
	fx: Fixture,
	data: { status?: 'DRAFT' | 'AGENDA_ISSUED'; bodyId?: string; title?: string } = {}
) {
	return db.meeting.create({
		data: {
			partnershipId: fx.partnership.id,
			bodyId: data.bodyId ?? fx.bodies.board.id,
			title: data.title ?? 'Partnership board',
			startsAt: new Date('2026-06-04T09:30:00Z'),
			status: data.status ?? 'DRAFT',
			agendaIssuedAt: data.status === 'AGENDA_ISSUED' ? new Date() : null,
			createdById: fx.members.SECRETARIAT.userId
		}
	});
}

/** A paper in the pack, as the projection would have created it from the evidence document. */
export async function makePackPaper(
	db: TestDb,
	meetingId: string,
	confidentiality: 'PUBLIC' | 'PARTNERS' = 'PARTNERS'
) {
	return db.evidenceItem.create({
		data: {
			id: randomBytes(12).toString('hex'),
			meetingId,
			title: 'Performance report',
			kind: 'PERFORMANCE',
			confidentiality
		}
	});
}

/** A member of the partnership from one of its organisations, signed up with the test password. */
export async function makeMemberOf(
	db: TestDb,
	fx: Fixture,
	organisation: keyof Fixture['organisations'],
	role: 'MEMBER' | 'OBSERVER' = 'MEMBER'
) {
	const email = `${organisation}-${role.toLowerCase()}-${randomBytes(3).toString('hex')}@${fx.partnership.slug}.test`;
	const user = await makeUser(db, email);
	const membership = await db.membership.create({
		data: {
			userId: user.id,
			partnershipId: fx.partnership.id,
			organisationId: fx.organisations[organisation].id,
			role
		}
	});
	return { email, userId: user.id, membershipId: membership.id };
}

/** A restricted paper of a meeting, seen only by the organisations named. */
export async function makeRestrictedPaper(
	db: TestDb,
	meetingId: string,
	allowedOrganisationIds: string[]
) {
	return db.evidenceItem.create({
		data: {
			id: `paper${Math.random().toString(36).slice(2).padEnd(12, '0')}`,
			meetingId,
			title: 'Restricted paper',
			confidentiality: 'RESTRICTED',
			allowedOrganisationIds: allowedOrganisationIds
		}
	});
}
