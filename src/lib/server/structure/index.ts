// The public face of structure/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { structureApi } from './api.ts';
export { createBody, getBody, listBodies, updateBody } from './bodies.ts';
export {
	acceptInvitation,
	createInvitation,
	describeInvitation,
	listInvitations,
	revokeInvitation
} from './invitations.ts';
export { addSeat, endSeat, getMember, listMembers, removeMember, updateMember } from './members.ts';
export {
	createOrganisation,
	getOrganisation,
	listOrganisations,
	updateOrganisation
} from './organisations.ts';
export { describeMe, listPartnerships, structureOf } from './partnerships.ts';
export {
	currentSchemeOf,
	delegationScheme,
	writeDelegationScheme,
	type DelegationSchemeView
} from './delegation.ts';
export type { BodyNode } from './partnerships.ts';
