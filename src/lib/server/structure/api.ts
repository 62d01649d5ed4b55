// The partnership's endpoints: who the caller is, the partnerships, organisations, bodies, seats, members and
// invitations.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { BodyView, CreateBodyInput, UpdateBodyInput } from './bodies.ts';
import { DelegationSchemeView, WriteDelegationSchemeInput } from './delegation.ts';
import { CreateInvitationInput, InvitationView } from './invitations.ts';
import { AddSeatInput, MemberView, UpdateMemberInput } from './members.ts';
import {
	CreateOrganisationInput,
	OrganisationView,
	UpdateOrganisationInput
} from './organisations.ts';
import { MeView, PartnershipView, StructureView } from './partnerships.ts';
import { IN_PARTNERSHIP, PARTNERSHIP_API, defineRoutes } from '../platform/index.ts';

const P = PARTNERSHIP_API;
const inPartnership = IN_PARTNERSHIP;

export const structureApi = defineRoutes({
	me: {
		method: 'GET',
		path: '/api/v1/me',
		summary: 'The signed-in person and their memberships',
		tag: 'Account',
		response: MeView
	},
	partnerships: {
		method: 'GET',
		path: '/api/v1/partnerships',
		summary: 'The partnerships the caller belongs to',
		tag: 'Partnerships',
		response: z.array(PartnershipView)
	},
	structure: {
		method: 'GET',
		path: `${P}/structure`,
		summary: 'The reporting tree of bodies with their seats',
		tag: 'Partnerships',
		response: StructureView,
		errors: [404]
	},
	listOrganisations: {
		method: 'GET',
		path: `${P}/organisations`,
		summary: 'Partner organisations',
		tag: 'Structure',
		response: z.array(OrganisationView),
		errors: [404]
	},
	createOrganisation: {
		method: 'POST',
		path: `${P}/organisations`,
		summary: 'Add a partner organisation (admins)',
		tag: 'Structure',
		body: CreateOrganisationInput,
		response: OrganisationView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	updateOrganisation: {
		method: 'PATCH',
		path: `${P}/organisations/{id}`,
		summary: 'Change a partner organisation (admins)',
		tag: 'Structure',
		body: UpdateOrganisationInput,
		response: OrganisationView,
		errors: [400, ...inPartnership]
	},
	listBodies: {
		method: 'GET',
		path: `${P}/bodies`,
		summary: 'Bodies: board, groups, forums',
		tag: 'Structure',
		response: z.array(BodyView),
		errors: [404]
	},
	createBody: {
		method: 'POST',
		path: `${P}/bodies`,
		summary: 'Add a body (admins)',
		tag: 'Structure',
		body: CreateBodyInput,
		response: BodyView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	updateBody: {
		method: 'PATCH',
		path: `${P}/bodies/{id}`,
		summary: 'Change a body (admins)',
		tag: 'Structure',
		body: UpdateBodyInput,
		response: BodyView,
		errors: [400, ...inPartnership]
	},
	getDelegationScheme: {
		method: 'GET',
		path: '/api/v1/bodies/{bodyId}/delegation',
		summary:
			'A body’s scheme of delegation: the version in force (null if none is written) and the earlier ones',
		tag: 'Structure',
		response: DelegationSchemeView,
		errors: [404]
	},
	writeDelegationScheme: {
		method: 'POST',
		path: '/api/v1/bodies/{bodyId}/delegation',
		summary:
			'Write a body’s scheme of delegation (officers): a new version; earlier versions are kept as they were',
		tag: 'Structure',
		body: WriteDelegationSchemeInput,
		response: DelegationSchemeView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	addSeat: {
		method: 'POST',
		path: `${P}/bodies/{id}/seats`,
		summary: 'Give a member a seat on a body (admins)',
		tag: 'Structure',
		body: AddSeatInput,
		response: z.object({
			id: z.string(),
			bodyId: z.string(),
			bodyName: z.string(),
			role: z.string()
		}),
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	endSeat: {
		method: 'DELETE',
		path: `${P}/seats/{id}`,
		summary: 'End a seat; it stays on record (admins)',
		tag: 'Structure',
		status: 204,
		errors: inPartnership
	},
	listMembers: {
		method: 'GET',
		path: `${P}/members`,
		summary: 'Members with their role, organisation, capacity, authority and seats',
		tag: 'Structure',
		response: z.array(MemberView),
		errors: [404]
	},
	getMember: {
		method: 'GET',
		path: `${P}/members/{id}`,
		summary: 'One member',
		tag: 'Structure',
		response: MemberView,
		errors: [404]
	},
	updateMember: {
		method: 'PATCH',
		path: `${P}/members/{id}`,
		summary: 'Change a member’s role, organisation, capacity or authority (admins)',
		tag: 'Structure',
		body: UpdateMemberInput,
		response: MemberView,
		errors: [400, 409, ...inPartnership]
	},
	removeMember: {
		method: 'DELETE',
		path: `${P}/members/{id}`,
		summary:
			'Take someone out of the partnership (admins); 409 for a member named in the record, who is made ' +
			'an observer instead. Their open documents and event streams close at once',
		tag: 'Structure',
		status: 204,
		errors: [409, ...inPartnership]
	},
	listInvitations: {
		method: 'GET',
		path: `${P}/invitations`,
		summary: 'Invitations not yet accepted (admins and officers)',
		tag: 'Invitations',
		response: z.array(InvitationView),
		errors: inPartnership
	},
	createInvitation: {
		method: 'POST',
		path: `${P}/invitations`,
		summary: 'Invite someone; the answer holds the one-time link to send them',
		tag: 'Invitations',
		body: CreateInvitationInput,
		response: z.object({ invitation: InvitationView, token: z.string(), path: z.string() }),
		status: 201,
		errors: [400, ...inPartnership]
	},
	revokeInvitation: {
		method: 'DELETE',
		path: `${P}/invitations/{id}`,
		summary: 'Withdraw an invitation before it is used',
		tag: 'Invitations',
		status: 204,
		errors: inPartnership
	}
});
