// A fictional but realistic demo partnership, in the shape research on community planning describes: a board
// chaired by the council leader with statutory partners, the third sector and community representatives;
// four theme groups each led by a different partner; three locality forums. Loaded only into an empty database.
import { recordDemoJointMeetings } from './joint.ts';
import { audit } from '../src/lib/server/platform/index.ts';
import { hashPassword } from '../src/lib/server/auth/index.ts';
import { db, transaction, type Tx } from '../src/lib/server/platform/index.ts';
import { HISTORY } from './history.ts';
import { createDemoMeeting, daysFromToday, UPCOMING_MEETING, type DemoMeeting } from './meeting.ts';
import { recordDemoPriorities } from './priorities.ts';
import { recordDemoResidents } from './residents.ts';
import { recordDemoBoard, REVIEW_MEETING, SPECIAL_MEETING } from './record.ts';
import { recordDemoReview } from './review.ts';
import { recordDemoRisks } from './risks.ts';
import { recordDemoThemeGroup, writeDemoSchemes } from './delegation.ts';
import { DEMO_FINISHED, DEMO_STARTED } from '../server/start/demo-markers.ts';
import type {
	BodyKind,
	Capacity,
	PartnershipRole,
	SeatRole,
	Sector,
	Standing
} from '../src/lib/vocabulary.ts';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_ACCOUNTS = {
	admin: 'admin@demo.example',
	officer: 'officer@demo.example',
	chair: 'chair@demo.example',
	nhs: 'nhs@demo.example',
	police: 'police@demo.example',
	tsi: 'tsi@demo.example',
	community: 'community@demo.example',
	reviewer: 'reviewer@demo.example',
	researcher: 'researcher@demo.example'
} as const;

type Org = [key: string, name: string, sector: Sector, statutory: boolean];
const ORGANISATIONS: Org[] = [
	['council', 'Strathmuir Council', 'COUNCIL', true],
	['nhs', 'NHS Strathmuir', 'HEALTH', true],
	['hscp', 'Strathmuir Health and Social Care Partnership', 'HEALTH', true],
	['police', 'Police Service, Strathmuir Division', 'POLICE', true],
	['fire', 'Fire and Rescue Service, Strathmuir', 'FIRE_RESCUE', true],
	['enterprise', 'Strathmuir Enterprise', 'ENTERPRISE', true],
	['college', 'Strathmuir College', 'EDUCATION', true],
	['tsi', 'Strathmuir Voluntary Action', 'THIRD_SECTOR', false],
	['trust', 'Eastwood Development Trust', 'THIRD_SECTOR', false],
	['ncc', 'Northfield Community Council', 'COMMUNITY', false],
	['rcc', 'Riverside Community Council', 'COMMUNITY', false],
	['tenants', 'Strathmuir Tenants’ Federation', 'COMMUNITY', false],
	['youth', 'Strathmuir Youth Forum', 'COMMUNITY', false],
	['chamber', 'Strathmuir Chamber of Commerce', 'PRIVATE', false]
];

type Person = {
	email: string;
	name: string;
	org: string;
	role: PartnershipRole;
	title: string;
	capacity?: Capacity;
	/** OFFICER unless said: most at the table are a partner's staff. */
	standing?: Standing;
	authority?: string;
};
const PEOPLE: Person[] = [
	{
		email: DEMO_ACCOUNTS.admin,
		name: 'Fiona Galbraith',
		org: 'council',
		role: 'ADMIN',
		title: 'Community Planning Manager'
	},
	{
		email: DEMO_ACCOUNTS.officer,
		name: 'Callum Rennie',
		org: 'council',
		role: 'SECRETARIAT',
		title: 'Community Planning Officer'
	},
	{
		email: DEMO_ACCOUNTS.chair,
		name: 'Cllr Morven Drysdale',
		org: 'council',
		role: 'MEMBER',
		title: 'Council Leader',
		standing: 'ELECTED_MEMBER',
		authority: 'May commit the council within the approved budget and policy framework'
	},
	{
		email: DEMO_ACCOUNTS.nhs,
		name: 'Dr Anwar Qadir',
		org: 'nhs',
		role: 'MEMBER',
		title: 'Director of Public Health',
		authority:
			'May commit health board staff time and funding up to £50,000; larger sums go to the health board'
	},
	{
		email: DEMO_ACCOUNTS.police,
		name: 'Ch Supt Elaine Murdoch',
		org: 'police',
		role: 'MEMBER',
		title: 'Divisional Commander',
		authority: 'May commit local policing resources and priorities'
	},
	{
		email: 'fire@demo.example',
		name: 'Ross Kilbride',
		org: 'fire',
		role: 'MEMBER',
		title: 'Local Senior Officer',
		authority: 'May commit prevention and protection activity in the area'
	},
	{
		email: 'enterprise@demo.example',
		name: 'Alison Strachan',
		org: 'enterprise',
		role: 'MEMBER',
		title: 'Area Director',
		authority: 'May commit enterprise programmes already in the agency’s plan'
	},
	{
		email: 'college@demo.example',
		name: 'Prof Gordon Mair',
		org: 'college',
		role: 'MEMBER',
		title: 'Principal',
		authority: 'May commit college places and staff time; capital needs the college board'
	},
	{
		email: DEMO_ACCOUNTS.tsi,
		name: 'Priya Lindsay',
		org: 'tsi',
		role: 'MEMBER',
		title: 'Chief Officer',
		capacity: 'FROM_SECTOR'
	},
	{
		email: DEMO_ACCOUNTS.community,
		name: 'Tam Baird',
		org: 'ncc',
		role: 'MEMBER',
		title: 'Community representative',
		capacity: 'FROM_SECTOR',
		standing: 'COMMUNITY_REPRESENTATIVE'
	},
	{
		email: 'tenants@demo.example',
		name: 'Ina Kowal',
		org: 'tenants',
		role: 'MEMBER',
		title: 'Community representative',
		capacity: 'FROM_SECTOR',
		standing: 'COMMUNITY_REPRESENTATIVE'
	},
	{
		email: DEMO_ACCOUNTS.reviewer,
		name: 'Dr Helen Achebe',
		org: 'college',
		role: 'REVIEWER',
		title: 'Lecturer in Public Policy',
		standing: 'OTHER'
	},
	{
		email: DEMO_ACCOUNTS.researcher,
		name: 'Dr Owen Farquhar',
		org: 'tsi',
		role: 'REVIEWER',
		title: 'Research and Evaluation Officer',
		standing: 'OTHER'
	},
	{
		email: 'observer@demo.example',
		name: 'Kirsty Lennox',
		org: 'chamber',
		role: 'OBSERVER',
		title: 'Policy Manager'
	},
	{
		email: 'hscp@demo.example',
		name: 'Sandra Whyte',
		org: 'hscp',
		role: 'MEMBER',
		title: 'Chief Officer'
	},
	{
		email: 'children@demo.example',
		name: 'Neil Ferrie',
		org: 'council',
		role: 'MEMBER',
		title: 'Head of Children’s Services',
		authority: 'May commit children’s services within budget'
	},
	{
		email: 'health.improvement@demo.example',
		name: 'Dr Euan Sinclair',
		org: 'nhs',
		role: 'MEMBER',
		title: 'Health Improvement Lead'
	},
	{
		email: 'inspector@demo.example',
		name: 'Aileen Paterson',
		org: 'police',
		role: 'MEMBER',
		title: 'Community Inspector'
	},
	{
		email: 'station@demo.example',
		name: 'Stuart Rankin',
		org: 'fire',
		role: 'MEMBER',
		title: 'Station Manager'
	},
	{
		email: 'business@demo.example',
		name: 'Colin Gray',
		org: 'enterprise',
		role: 'MEMBER',
		title: 'Business Growth Manager'
	},
	{
		email: 'skills@demo.example',
		name: 'Rhona Bell',
		org: 'college',
		role: 'MEMBER',
		title: 'Head of Skills and Partnerships'
	},
	{
		email: 'volunteering@demo.example',
		name: 'Zara Ahmed',
		org: 'tsi',
		role: 'MEMBER',
		title: 'Development Officer',
		capacity: 'FROM_SECTOR'
	},
	{
		email: 'northfield@demo.example',
		name: 'Jamie Orr',
		org: 'council',
		role: 'MEMBER',
		title: 'Community Learning Worker'
	},
	{
		email: 'riverside@demo.example',
		name: 'Margaret Tulloch',
		org: 'rcc',
		role: 'MEMBER',
		title: 'Chair, Riverside Community Council',
		capacity: 'FROM_SECTOR',
		standing: 'COMMUNITY_REPRESENTATIVE'
	},
	{
		email: 'eastwood@demo.example',
		name: 'Hamish Docherty',
		org: 'trust',
		role: 'MEMBER',
		title: 'Manager, Eastwood Development Trust'
	},
	{
		email: 'youth@demo.example',
		name: 'Leah McIntyre',
		org: 'youth',
		role: 'MEMBER',
		title: 'Youth representative',
		capacity: 'FROM_SECTOR',
		standing: 'COMMUNITY_REPRESENTATIVE'
	}
];

type BodySpec = {
	key: string;
	name: string;
	kind: BodyKind;
	parent?: string;
	lead?: string;
	quorum?: number;
	remit: string;
	seats: [email: string, role: SeatRole][];
};
const e = (local: string) => `${local}@demo.example`;
const BODIES: BodySpec[] = [
	{
		key: 'board',
		name: 'Strathmuir Partnership Board',
		kind: 'BOARD',
		lead: 'council',
		quorum: 6,
		remit:
			'Sets the Local Outcomes Improvement Plan, holds partners to account for delivering it, and takes shared decisions on resources.',
		seats: [
			[e('chair'), 'CHAIR'],
			[e('nhs'), 'VICE_CHAIR'],
			[e('police'), 'MEMBER'],
			[e('fire'), 'MEMBER'],
			[e('enterprise'), 'MEMBER'],
			[e('college'), 'MEMBER'],
			[e('tsi'), 'MEMBER'],
			[e('community'), 'MEMBER'],
			[e('tenants'), 'MEMBER'],
			[e('hscp'), 'MEMBER'],
			[e('officer'), 'ADVISER']
		]
	},
	{
		key: 'delivery',
		name: 'Strathmuir Delivery Group',
		kind: 'IMPLEMENTATION_GROUP',
		parent: 'board',
		lead: 'council',
		quorum: 4,
		remit:
			'Turns board decisions into joint work programmes and reports progress against the plan every quarter.',
		seats: [
			[e('admin'), 'CHAIR'],
			[e('hscp'), 'MEMBER'],
			[e('inspector'), 'MEMBER'],
			[e('business'), 'MEMBER'],
			[e('volunteering'), 'MEMBER'],
			[e('officer'), 'ADVISER']
		]
	},
	{
		key: 'health',
		name: 'Health and Wellbeing Theme Group',
		kind: 'THEME_GROUP',
		parent: 'board',
		lead: 'nhs',
		quorum: 3,
		remit:
			'Reducing health inequalities, improving mental wellbeing, and tackling drug and alcohol harm.',
		seats: [
			[e('nhs'), 'CHAIR'],
			[e('hscp'), 'VICE_CHAIR'],
			[e('health.improvement'), 'MEMBER'],
			[e('volunteering'), 'MEMBER'],
			[e('eastwood'), 'MEMBER']
		]
	},
	{
		key: 'safety',
		name: 'Community Safety Theme Group',
		kind: 'THEME_GROUP',
		parent: 'board',
		lead: 'police',
		quorum: 3,
		remit:
			'Safer streets and homes: antisocial behaviour, fire safety at home, road safety and domestic abuse.',
		seats: [
			[e('police'), 'CHAIR'],
			[e('fire'), 'VICE_CHAIR'],
			[e('inspector'), 'MEMBER'],
			[e('station'), 'MEMBER'],
			[e('riverside'), 'MEMBER']
		]
	},
	{
		key: 'economy',
		name: 'Economy and Skills Theme Group',
		kind: 'THEME_GROUP',
		parent: 'board',
		lead: 'enterprise',
		quorum: 3,
		remit:
			'Fair work, routes into employment, and support for local businesses and social enterprises.',
		seats: [
			[e('enterprise'), 'CHAIR'],
			[e('business'), 'MEMBER'],
			[e('skills'), 'MEMBER'],
			[e('college'), 'MEMBER']
		]
	},
	{
		key: 'children',
		name: 'Children and Young People Theme Group',
		kind: 'THEME_GROUP',
		parent: 'board',
		lead: 'council',
		quorum: 3,
		remit:
			'The children’s services plan: early years, child poverty, and young people’s voice in decisions.',
		seats: [
			[e('children'), 'CHAIR'],
			[e('skills'), 'MEMBER'],
			[e('youth'), 'MEMBER'],
			[e('health.improvement'), 'ADVISER']
		]
	},
	{
		key: 'northfield',
		name: 'Northfield Locality Forum',
		kind: 'LOCALITY_FORUM',
		parent: 'board',
		quorum: 3,
		remit:
			'Brings residents, community groups and services in Northfield together to agree local priorities.',
		seats: [
			[e('northfield'), 'CHAIR'],
			[e('community'), 'MEMBER'],
			[e('tenants'), 'MEMBER'],
			[e('inspector'), 'ADVISER']
		]
	},
	{
		key: 'riverside',
		name: 'Riverside Locality Forum',
		kind: 'LOCALITY_FORUM',
		parent: 'safety',
		quorum: 3,
		remit:
			'Residents and services in Riverside and the river villages working on local safety and wellbeing.',
		seats: [
			[e('riverside'), 'CHAIR'],
			[e('station'), 'MEMBER'],
			[e('volunteering'), 'MEMBER']
		]
	},
	{
		key: 'eastwood',
		name: 'Eastwood Area Partnership',
		kind: 'LOCALITY_FORUM',
		parent: 'health',
		quorum: 3,
		remit: 'Eastwood’s community-led partnership, focused on health, food and fuel poverty.',
		seats: [
			[e('eastwood'), 'CHAIR'],
			[e('youth'), 'MEMBER'],
			[e('hscp'), 'ADVISER']
		]
	}
];

export async function seedDemo(): Promise<void> {
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const board = await transaction(async (tx) => {
		await audit(tx, null, { action: DEMO_STARTED, entity: 'Demo', entityId: 'demo' });
		const partnership = await tx.partnership.create({
			data: {
				slug: 'strathmuir',
				name: 'Strathmuir Community Planning Partnership',
				area: 'Strathmuir (fictional)'
			}
		});
		const orgIds = new Map<string, string>();
		for (const [key, name, sector, statutory] of ORGANISATIONS) {
			const org = await tx.organisation.create({
				data: { partnershipId: partnership.id, name, sector, statutory }
			});
			orgIds.set(key, org.id);
		}
		const membershipIds = new Map<string, string>();
		for (const p of PEOPLE) {
			const user = await tx.user.create({ data: { email: p.email, name: p.name, passwordHash } });
			const membership = await tx.membership.create({
				data: {
					userId: user.id,
					partnershipId: partnership.id,
					organisationId: orgIds.get(p.org)!,
					role: p.role,
					title: p.title,
					capacity: p.capacity ?? 'OF_ORGANISATION',
					standing: p.standing ?? 'OFFICER',
					delegatedAuthority: Boolean(p.authority),
					authorityNote: p.authority ?? ''
				}
			});
			membershipIds.set(p.email, membership.id);
		}
		const bodyIds = new Map<string, string>();
		for (const b of BODIES) {
			const body = await tx.body.create({
				data: {
					partnershipId: partnership.id,
					name: b.name,
					kind: b.kind,
					parentId: b.parent ? bodyIds.get(b.parent) : null,
					leadOrganisationId: b.lead ? orgIds.get(b.lead) : null,
					remit: b.remit,
					quorum: b.quorum ?? null
				}
			});
			bodyIds.set(b.key, body.id);
			for (const [email, role] of b.seats) {
				// Seated since before the demo's record begins, so every past meeting counts them.
				await tx.bodySeat.create({
					data: {
						bodyId: body.id,
						membershipId: membershipIds.get(email)!,
						role,
						createdAt: daysFromToday(-6 * 365, 9)
					}
				});
			}
		}
		const officer = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.officer } });
		const where = {
			partnershipId: partnership.id,
			bodyId: bodyIds.get('board')!,
			createdById: officer.id,
			orgIds
		};
		const history: DemoMeeting[] = [];
		for (const h of HISTORY)
			history.push(await createDemoMeeting(tx, h.spec(daysFromToday(-h.daysAgo, h.hour)), where));
		const review = await createDemoMeeting(tx, REVIEW_MEETING(daysFromToday(-28, 10)), where);
		const special = await createDemoMeeting(tx, SPECIAL_MEETING(daysFromToday(-7, 14)), where);
		const upcoming = await createDemoMeeting(tx, UPCOMING_MEETING(), where);
		await seedNeighbour(tx, passwordHash);
		await audit(tx, null, {
			action: 'demo_loaded',
			entity: 'Partnership',
			entityId: partnership.id,
			partnershipId: partnership.id
		});
		return { partnershipId: partnership.id, orgIds, history, review, special, upcoming };
	});
	// Each body's scheme of delegation, written before the year's record begins.
	await writeDemoSchemes(board);
	// The board's record, through the same commands as the pages: its own transactions, after the above.
	await recordDemoBoard(board);
	// A theme group's meeting: a decision over its limit owes the board's ratification.
	await recordDemoThemeGroup(board);
	// The theme group and a forum meeting together: one past (a decision both took), one upcoming.
	await recordDemoJointMeetings(board);
	// The forums' priorities, some of them answered by the decisions just recorded.
	await recordDemoPriorities(board);
	// Residents' support and comments on two answered priorities, from the forums' public pages.
	await recordDemoResidents(board);
	// The joint risk register, linked to the plan's outcomes and reviewed at two of the meetings above.
	await recordDemoRisks(board);
	// The reviews of the past meetings: both reviewers' codes, published but for the latest.
	await recordDemoReview(board);
	await transaction((tx) =>
		audit(tx, null, { action: DEMO_FINISHED, entity: 'Demo', entityId: 'demo' })
	);
}

/** A second, smaller partnership: the reviewer belongs to both, showing one login across partnerships. */
async function seedNeighbour(tx: Tx, passwordHash: string): Promise<void> {
	const partnership = await tx.partnership.create({
		data: {
			slug: 'carran-valley',
			name: 'Carran Valley Community Planning Partnership',
			area: 'Carran Valley (fictional)'
		}
	});
	const council = await tx.organisation.create({
		data: {
			partnershipId: partnership.id,
			name: 'Carran Valley Council',
			sector: 'COUNCIL',
			statutory: true
		}
	});
	const university = await tx.organisation.create({
		data: {
			partnershipId: partnership.id,
			name: 'Carran Valley Research Network',
			sector: 'EDUCATION',
			statutory: false
		}
	});
	const admin = await tx.user.create({
		data: { email: 'admin.carran@demo.example', name: 'Duncan Forsyth', passwordHash }
	});
	await tx.membership.create({
		data: {
			userId: admin.id,
			partnershipId: partnership.id,
			organisationId: council.id,
			role: 'ADMIN',
			title: 'Partnership Manager'
		}
	});
	const reviewer = await tx.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.reviewer } });
	await tx.membership.create({
		data: {
			userId: reviewer.id,
			partnershipId: partnership.id,
			organisationId: university.id,
			role: 'REVIEWER',
			title: 'Visiting reviewer'
		}
	});
	await tx.body.create({
		data: {
			partnershipId: partnership.id,
			name: 'Carran Valley Partnership Board',
			kind: 'BOARD',
			leadOrganisationId: council.id,
			quorum: 5,
			remit: 'The partnership’s board.'
		}
	});
}
