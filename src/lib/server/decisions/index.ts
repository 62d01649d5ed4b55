// The public face of decisions/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export {
	ActionView,
	addAction,
	listActions,
	mattersArising,
	updatableActions,
	updateAction
} from './actions.ts';
export { actionsWaitingOn } from './actions-waiting.ts';
export {
	actionProgress,
	commitResources,
	reportProgress,
	type ActionProgressView
} from './action-progress.ts';
export { amendDecision } from './amend.ts';
export { decisionsApi } from './api.ts';
export { actionsCsv, csvCell, csvResponse, decisionsCsv, toCsv } from './exports.ts';
export type { CsvFile } from './exports.ts';
export { decisionHash } from './hash.ts';
export type { VersionContent } from './hash.ts';
export { contentOf } from './views.ts';
export type { HashedVersion } from './views.ts';
export { followLiveMeeting, liveMeetingView } from './live-meeting-view.ts';
export type { LiveMeetingView } from './live-meeting-view.ts';
export { recordDecision } from './record.ts';
export { referralsTo, type ReferralView } from './referrals.ts';
export {
	DecisionSummary,
	decisionsOfMeeting,
	getDecision,
	getDecisionVersion,
	searchDecisions
} from './register.ts';
export { DelegationCheckView, delegationChecksOf } from './delegation-check.ts';
export {
	ratificationsOf,
	ratificationsOwed,
	recordRatification,
	type RatificationView
} from './ratification.ts';
