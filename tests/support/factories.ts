// Builds a small partnership straight into a test database: one person per partnership role, a few
// partners, a board with a theme group and a forum below it.
import { hashPassword } from '../../src/lib/server/auth/index.ts';
import type { PartnershipRole } from '../../src/lib/vocabulary.ts';
import type { TestDb } from './server.ts';

export const PASSWORD = 'test-password-1234';
export const ROLES: PartnershipRole[] = ['ADMIN', 'SECRETARIAT', 'MEMBER', 'REVIEWER', 'OBSERVER'];

let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

export function emailFor(role: PartnershipRole, slug: string): string {
	return `${role.toLowerCase()}@${slug}.test`;
}

export async function makeUser(db: TestDb, email: string, name = email.split('@')[0]) {
	return db.user.create({ data: { email, name, passwordHash: await passwordHash() } });
}

export async function makePartnership(db: TestDb, slug: string) {
	const partnership = await db.partnership.create({
		data: { slug, name: `${slug} partnership`, area: slug }
	});
	const org = (
		name: string,
		sector: 'COUNCIL' | 'HEALTH' | 'THIRD_SECTOR' | 'COMMUNITY',
		statutory: boolean
	) =>
		db.organisation.create({
			data: { partnershipId: partnership.id, name: `${name} (${slug})`, sector, statutory }
		});
	const organisations = {
		council: await org('Council', 'COUNCIL', true),
		health: await org('Health board', 'HEALTH', true),
		tsi: await org('Voluntary action', 'THIRD_SECTOR', false),
		community: await org('Community council', 'COMMUNITY', false)
	};
	const members = {} as Record<
		PartnershipRole,
		{ userId: string; membershipId: string; email: string }
	>;
	for (const role of ROLES) {
		const email = emailFor(role, slug);
		const user = await makeUser(db, email, `${role.toLowerCase()} of ${slug}`);
		const membership = await db.membership.create({
			data: {
				userId: user.id,
				partnershipId: partnership.id,
				organisationId: organisations.council.id,
				role
			}
		});
		members[role] = { userId: user.id, membershipId: membership.id, email };
	}
	const board = await db.body.create({
		data: { partnershipId: partnership.id, name: `${slug} board`, kind: 'BOARD', quorum: 3 }
	});
	const theme = await db.body.create({
		data: {
			partnershipId: partnership.id,
			name: `${slug} health theme group`,
			kind: 'THEME_GROUP',
			parentId: board.id,
			leadOrganisationId: organisations.health.id
		}
	});
	const forum = await db.body.create({
		data: {
			partnershipId: partnership.id,
			name: `${slug} forum`,
			kind: 'LOCALITY_FORUM',
			parentId: theme.id
		}
	});
	const seat = await db.bodySeat.create({
		data: { bodyId: board.id, membershipId: members.MEMBER.membershipId, role: 'CHAIR' }
	});
	return { partnership, organisations, members, bodies: { board, theme, forum }, seat };
}
export type Fixture = Awaited<ReturnType<typeof makePartnership>>;
