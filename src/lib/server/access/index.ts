// The public face of access/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { assertSessionActor, readOnlyActor } from './actor.ts';
export type { Actor, PartnershipContext, TokenScope } from './actor.ts';
export {
	canInvite,
	canManageStructure,
	canScheduleMeetings,
	canSeeEvidence,
	canSeeInvitations,
	demand,
	isChairSeat,
	isOfficer,
	mayActForPartner,
	mayWriteDelegationScheme,
	mayManageReview,
	mayRecordReadings,
	mayUpdateAction,
	meetingBodyIds,
	meetingContext,
	meetingRights,
	partnershipContext,
	seatsOf
} from './permissions.ts';
export type { MeetingAccess, MeetingContext, MeetingRights } from './permissions.ts';
export {
	bodyContext,
	mayAddPriorityFile,
	mayGiveVerdict,
	mayRaise,
	mayRecord,
	priorityContext,
	rightsOf
} from './priority-access.ts';
export type { PriorityRow } from './priority-access.ts';
export { Access, beginAccess } from './request-access.ts';
export {
	PAPER_ACCESS,
	RESTRICTED_PAPER,
	SHARED,
	idList,
	maySeePaper,
	paperFor,
	paperTitleFor,
	quoteFor,
	restrictedTextOf,
	restrictedTextOfPartnership,
	withholdRestricted
} from './restricted-material.ts';
export type { Reader } from './restricted-material.ts';
export {
	InProcessRevocationChannel,
	publishRevocation,
	revocations,
	signalUserId,
	stillSignedIn,
	subscribeRevocations
} from './revocation.ts';
export type { RevocationChannel, RevocationSignal } from './revocation.ts';
