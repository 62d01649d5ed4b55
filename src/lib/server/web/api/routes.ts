// Every /api/v1 route: method, path, the schemas it takes and gives. Route files wrap their handler with
// their entry here, and the OpenAPI document is generated from this list, so the two cannot drift.
import { z } from 'zod';
import { AccessTokenView, CreateAccessTokenInput } from '../../auth/index.ts';
import { ChangePasswordInput } from '../../auth/index.ts';
import { SessionView } from '../../auth/index.ts';
import { SignInInput } from '../../auth/index.ts';
import {
	ActionFilter,
	ActionView,
	AddActionInput,
	UpdateActionInput
} from '../../decisions/index.ts';
import { BodyView, CreateBodyInput, UpdateBodyInput } from '../../structure/index.ts';
import {
	ChallengeFilter,
	ChallengeView,
	RaiseChallengeInput,
	RespondToChallengeInput
} from '../../meetings/index.ts';
import { CodesView, CodeView, RecordCodesInput } from '../../review/index.ts';
import { DecisionDetail, DecisionSearch, DecisionSummary } from '../../decisions/index.ts';
import { DecisionVersionView } from '../../decisions/index.ts';
import { DecisionContentInput, RecordDecisionInput } from '../../decisions/index.ts';
import { AddRestrictedEvidenceInput, EvidenceView } from '../../meetings/index.ts';
import { SetEvidenceOrganisationsInput } from '../../meetings/index.ts';
import { ACCEPTED_EXTENSIONS, MAX_EVIDENCE_FILE_BYTES } from '../../meetings/index.ts';
import { CreateInvitationInput, InvitationView } from '../../structure/index.ts';
import { AttendanceView, RecordAttendanceInput } from '../../meetings/index.ts';
import { DeclarationView, DeclareInterestInput } from '../../meetings/index.ts';
import {
	MeetingSummary,
	MeetingView,
	ScheduleMeetingInput,
	SetCurrentItemInput
} from '../../meetings/index.ts';
import { NotificationView } from '../../notify/index.ts';
import {
	EndTurnInput,
	RequestToSpeakInput,
	SpeakersView,
	StartTurnInput,
	TurnView
} from '../../meetings/index.ts';
import { AddSeatInput, MemberView, UpdateMemberInput } from '../../structure/index.ts';
import { ApproveMinutesInput, MinutesView } from '../../minutes/index.ts';
import { AnswerSurveyInput, SurveyView } from '../../review/index.ts';
import {
	CreateOrganisationInput,
	OrganisationView,
	UpdateOrganisationInput
} from '../../structure/index.ts';
import { MeView, PartnershipView, StructureView, UserView } from '../../structure/index.ts';
import { PublicResponse } from '../../priorities/index.ts';
import { FeedbackView, UpdateFeedbackInput, VerdictInput } from '../../priorities/index.ts';
import {
	ActionOutcomesView,
	CreateOutcomeInput,
	OutcomeView,
	TagActionInput
} from '../../outcomes/index.ts';
import {
	PriorityDetail,
	PriorityEventInput,
	PriorityFileView,
	PriorityView,
	RaisePriorityInput
} from '../../priorities/index.ts';
import {
	PeriodQuery,
	StalledPriority,
	StalledQuery,
	TimeToDecision,
	TraceGraph,
	TraceQuery,
	UninformedDecision
} from '../../priorities/index.ts';
import {
	AddReviewNoteInput,
	PublicationView,
	ReopenReviewInput,
	ReviewNoteView
} from '../../review/index.ts';
import { MeasuresCsvQuery } from '../../../review/csv.ts';
import { MeetingReviewView, ReviewSummaryView, ReviewTrendsView } from '../../../review/views.ts';
import { ReviewSummaryQuery } from '../../review/index.ts';
import { defineRoutes } from './endpoint.ts';

const P = '/api/v1/partnerships/{slug}';
const inPartnership = [403, 404];

export const routes = defineRoutes({
	login: {
		method: 'POST',
		path: '/api/v1/auth/login',
		summary: 'Sign in with email and password; sets the session cookie',
		tag: 'Sign-in',
		public: true,
		body: SignInInput,
		response: z.object({ user: UserView }),
		errors: [400, 401, 429]
	},
	logout: {
		method: 'POST',
		path: '/api/v1/auth/logout',
		summary: 'Sign out: ends this session and clears its cookie (not with an access token: 403)',
		tag: 'Sign-in',
		status: 204,
		errors: [403]
	},
	me: {
		method: 'GET',
		path: '/api/v1/me',
		summary: 'The signed-in person and their memberships',
		tag: 'Account',
		response: MeView
	},
	changePassword: {
		method: 'POST',
		path: '/api/v1/me/password',
		summary:
			'Change password; ends every other session and revokes every access token. Wrong current ' +
			'passwords are throttled like sign-in (429) and audited; not with an access token (403)',
		tag: 'Account',
		body: ChangePasswordInput,
		status: 204,
		errors: [400, 403, 429]
	},
	listSessions: {
		method: 'GET',
		path: '/api/v1/me/sessions',
		summary: 'The caller’s signed-in browsers (not with an access token)',
		tag: 'Account',
		response: z.array(SessionView),
		errors: [403]
	},
	endSession: {
		method: 'DELETE',
		path: '/api/v1/me/sessions/{id}',
		summary:
			'Sign one of the caller’s browsers out; its open documents and event streams close at once ' +
			'(not with an access token)',
		tag: 'Account',
		status: 204,
		errors: [403, 404]
	},
	listTokens: {
		method: 'GET',
		path: '/api/v1/me/tokens',
		summary: 'Personal access tokens that are still active (not revoked, not expired)',
		tag: 'Account',
		response: z.array(AccessTokenView)
	},
	createToken: {
		method: 'POST',
		path: '/api/v1/me/tokens',
		summary:
			'Create a personal access token (scope `read` or `read write`, expiring in 1 to 365 days, 90 by ' +
			'default); its secret is shown only in this answer. Not with an access token (403)',
		tag: 'Account',
		body: CreateAccessTokenInput,
		response: AccessTokenView.extend({ token: z.string() }),
		status: 201,
		errors: [400, 403]
	},
	revokeToken: {
		method: 'DELETE',
		path: '/api/v1/me/tokens/{id}',
		summary: 'Revoke a personal access token (not with an access token: 403)',
		tag: 'Account',
		status: 204,
		errors: [403, 404]
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
	},
	listMeetings: {
		method: 'GET',
		path: '/api/v1/bodies/{bodyId}/meetings',
		summary: 'A body’s meetings, soonest first',
		tag: 'Meetings',
		response: z.array(MeetingSummary),
		errors: [404]
	},
	scheduleMeeting: {
		method: 'POST',
		path: '/api/v1/bodies/{bodyId}/meetings',
		summary:
			'Schedule a meeting of a body (secretariat and admins); `startsAt` is UK local time or ISO',
		tag: 'Meetings',
		body: ScheduleMeetingInput,
		response: MeetingSummary,
		status: 201,
		errors: [400, ...inPartnership]
	},
	getMeeting: {
		method: 'GET',
		path: '/api/v1/meetings/{id}',
		summary: 'A meeting with its agenda items and the names of its shared documents',
		tag: 'Meetings',
		response: MeetingView,
		errors: [404]
	},
	issueAgenda: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/issue',
		summary: 'Issue the agenda of a draft meeting; papers added afterwards are marked late',
		tag: 'Meetings',
		response: MeetingView,
		errors: [409, ...inPartnership]
	},
	closeMeeting: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/close',
		summary:
			'Close a meeting in progress (chair or secretariat): turns still running end, the queue is ' +
			'cancelled, and the minutes are drafted from the record into the minutes document',
		tag: 'Minutes',
		response: MinutesView,
		errors: [409, ...inPartnership]
	},
	getMinutes: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/minutes',
		summary:
			'The minutes: the working draft (the minutes document’s text) and the approved versions',
		tag: 'Minutes',
		response: MinutesView,
		errors: [404]
	},
	approveMinutes: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/minutes/approve',
		summary:
			'Approve a closed meeting’s minutes at a later meeting of the same body in progress (chair or ' +
			'secretariat): the text is frozen as a new hashed version. Approving again records an amended version',
		tag: 'Minutes',
		body: ApproveMinutesInput,
		response: MinutesView,
		errors: [400, 409, ...inPartnership]
	},
	listEvidence: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/evidence',
		summary: 'The meeting’s papers the caller may see',
		tag: 'Evidence',
		response: z.array(EvidenceView),
		errors: [404]
	},
	addRestrictedEvidence: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/evidence',
		summary:
			'Add a restricted paper, seen only by the organisations named; its content is edited in its own document',
		tag: 'Evidence',
		body: AddRestrictedEvidenceInput,
		response: EvidenceView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	uploadEvidenceFile: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/evidence/{itemId}/file',
		summary:
			'Attach a file to a paper (writers who may see the paper); replaces any earlier file. With a ' +
			'session cookie, send an Origin header naming this site, as browsers do; with a bearer token, none is needed',
		tag: 'Evidence',
		upload: {
			field: 'file',
			maxBytes: MAX_EVIDENCE_FILE_BYTES,
			description: `One of: ${ACCEPTED_EXTENSIONS.join(', ')}; checked by extension and contents`
		},
		response: EvidenceView,
		errors: [400, 413, ...inPartnership]
	},
	setEvidenceOrganisations: {
		method: 'PUT',
		path: '/api/v1/meetings/{id}/evidence/{itemId}/organisations',
		summary:
			'Change the organisations that may see a restricted paper (officers who may see it); people ' +
			'taken off lose its document at once',
		tag: 'Evidence',
		body: SetEvidenceOrganisationsInput,
		status: 204,
		errors: [400, ...inPartnership]
	},
	downloadEvidenceFile: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/evidence/{itemId}/file',
		summary: 'Download a paper’s file, for those who may see the paper',
		tag: 'Evidence',
		file: true,
		errors: [404]
	},
	getSurvey: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/survey',
		summary:
			'The members’ anonymous survey of a closed meeting: its statements and whether the caller may ' +
			'answer (open), has answered, or was not present as a member; never anyone’s answers',
		tag: 'Review',
		response: SurveyView,
		errors: [409, 404]
	},
	answerSurvey: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/survey',
		summary:
			'Answer a closed meeting’s survey, once (members present only). The answers are stored apart ' +
			'from who gave them, with no time; a second answer is refused (409)',
		tag: 'Review',
		body: AnswerSurveyInput,
		response: z.object({ received: z.literal(true) }),
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	listChallenges: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/challenges',
		summary: 'The meeting’s challenges with their responses, in the order raised',
		tag: 'Meeting record',
		query: ChallengeFilter,
		response: z.array(ChallengeView),
		errors: [400, 404]
	},
	listChallengesOnEvidence: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/evidence/{itemId}/challenges',
		summary:
			'The challenges aimed at one of the meeting’s papers, with their responses, in the order raised; ' +
			'404 for a restricted paper the caller may not see',
		tag: 'Meeting record',
		response: z.array(ChallengeView),
		errors: [404]
	},
	raiseChallenge: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/challenges',
		summary:
			'Record a challenge (members of the body their own; the secretariat for anyone present) while the meeting is in progress',
		tag: 'Meeting record',
		body: RaiseChallengeInput,
		response: ChallengeView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	respondToChallenge: {
		method: 'POST',
		path: '/api/v1/challenges/{id}/response',
		summary: 'Record a response to a challenge; the latest response is the current answer',
		tag: 'Meeting record',
		body: RespondToChallengeInput,
		response: ChallengeView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	recordDecision: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/decisions',
		summary:
			'Record the decision on an item (chair, vice-chair, secretariat): freezes the wording in the decision log into version 1. ' +
			'409 when the meeting is not quorate unless `proceedWithoutQuorum` is true',
		tag: 'Decisions',
		body: RecordDecisionInput,
		response: DecisionVersionView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	amendDecision: {
		method: 'POST',
		path: '/api/v1/decisions/{id}/versions',
		summary:
			'Amend a decision: a new version from the current wording; earlier versions never change',
		tag: 'Decisions',
		body: DecisionContentInput,
		response: DecisionVersionView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	getDecision: {
		method: 'GET',
		path: '/api/v1/decisions/{id}',
		summary:
			'A decision with all its versions (newest first), the challenges on its item and its actions',
		tag: 'Decisions',
		response: DecisionDetail,
		errors: [404]
	},
	getDecisionVersion: {
		method: 'GET',
		path: '/api/v1/decisions/{id}/versions/{version}',
		summary: 'One version of a decision',
		tag: 'Decisions',
		response: DecisionVersionView,
		errors: [404]
	},
	searchDecisions: {
		method: 'GET',
		path: `${P}/decisions`,
		summary:
			'The decisions register, newest first, by latest version: text, body, outcome, partner, date decided',
		tag: 'Decisions',
		query: DecisionSearch,
		response: z.array(DecisionSummary),
		errors: [400, 404]
	},
	addAction: {
		method: 'POST',
		path: '/api/v1/decisions/{id}/actions',
		summary: 'Add an action arising from a decision (chair, vice-chair, secretariat)',
		tag: 'Actions',
		body: AddActionInput,
		response: ActionView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	updateAction: {
		method: 'PATCH',
		path: '/api/v1/actions/{id}',
		summary: 'Move an action on (chair, secretariat, or a member of the owning organisation)',
		tag: 'Actions',
		body: UpdateActionInput,
		response: ActionView,
		errors: [400, ...inPartnership]
	},
	listActions: {
		method: 'GET',
		path: `${P}/actions`,
		summary: 'The partnership’s actions, due soonest first',
		tag: 'Actions',
		query: ActionFilter,
		response: z.array(ActionView),
		errors: [400, 404]
	},
	mattersArising: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/matters-arising',
		summary: 'Open and in-progress actions from the body’s earlier meetings',
		tag: 'Actions',
		response: z.array(ActionView),
		errors: [404]
	},
	meetingEvents: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/events',
		summary:
			'Server-sent events: a "change" event (JSON: meetingId, what, at) whenever the meeting’s record ' +
			'changes, so a live view knows to fetch it again. The stream ends, after a "closed" event, within ' +
			'a second of the caller losing the right to read the meeting; 429 when the caller already has ' +
			'20 streams open',
		tag: 'Meetings',
		file: 'text/event-stream',
		errors: [404, 429]
	},
	decisionsCsv: {
		method: 'GET',
		path: `${P}/decisions.csv`,
		summary:
			'Every decision of the partnership as it stands (latest version), as CSV with a header row; ' +
			'cells starting with = + - @ get a leading apostrophe so spreadsheets do not run them',
		tag: 'Exports',
		file: 'text/csv',
		errors: [404]
	},
	actionsCsv: {
		method: 'GET',
		path: `${P}/actions.csv`,
		summary: 'Every action of the partnership, as CSV with a header row',
		tag: 'Exports',
		file: 'text/csv',
		errors: [404]
	},
	startMeeting: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/start',
		summary:
			'Start a meeting whose agenda is issued (chair, vice-chair, secretariat); it opens at its first item',
		tag: 'Running a meeting',
		response: MeetingView,
		errors: [409, ...inPartnership]
	},
	setCurrentItem: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/current-item',
		summary: 'Move a meeting in progress to another item; the item’s timer starts from now',
		tag: 'Running a meeting',
		body: SetCurrentItemInput,
		response: MeetingView,
		errors: [400, 409, ...inPartnership]
	},
	getAttendance: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/attendance',
		summary: 'The roll (seat holders and everyone recorded as attending) and the quorum',
		tag: 'Running a meeting',
		response: AttendanceView,
		errors: [404]
	},
	recordAttendance: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/attendance',
		summary:
			'Record attendance: a seated member their own presence or apologies (naming a colleague from their ' +
			'organisation to stand in); the secretariat anyone’s, including absence and substitutes',
		tag: 'Running a meeting',
		body: RecordAttendanceInput,
		response: AttendanceView,
		errors: [400, 409, ...inPartnership]
	},
	listDeclarations: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/declarations',
		summary:
			'Declarations of interest in force (the latest by each member on each item); `?history=true` for every one',
		tag: 'Running a meeting',
		response: z.array(DeclarationView),
		errors: [404]
	},
	declareInterest: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/declarations',
		summary:
			'Declare an interest in an item: a seated member their own, the secretariat anyone’s; a later ' +
			'declaration supersedes an earlier one, none is changed',
		tag: 'Running a meeting',
		body: DeclareInterestInput,
		response: DeclarationView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	getSpeakers: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/contributions',
		summary: 'The speaker queue, the turn in progress and the finished turns',
		tag: 'Running a meeting',
		response: SpeakersView,
		errors: [404]
	},
	requestToSpeak: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/contributions',
		summary:
			'Ask to speak (on the current item unless another is named); the chair and secretariat add anyone present',
		tag: 'Running a meeting',
		body: RequestToSpeakInput,
		response: TurnView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	startTurn: {
		method: 'POST',
		path: '/api/v1/contributions/{id}/start',
		summary: 'Call a waiting speaker (chair, vice-chair, secretariat); the turn in progress ends',
		tag: 'Running a meeting',
		body: StartTurnInput,
		response: TurnView,
		errors: [400, 409, ...inPartnership]
	},
	endTurn: {
		method: 'POST',
		path: '/api/v1/contributions/{id}/stop',
		summary: 'End a turn in progress, optionally with a summary of what was said',
		tag: 'Running a meeting',
		body: EndTurnInput,
		response: TurnView,
		errors: [400, 409, ...inPartnership]
	},
	cancelRequest: {
		method: 'POST',
		path: '/api/v1/contributions/{id}/cancel',
		summary: 'Take a waiting request to speak out of the queue',
		tag: 'Running a meeting',
		response: TurnView,
		errors: [409, ...inPartnership]
	},
	recordCodes: {
		method: 'POST',
		path: '/api/v1/contributions/{id}/codes',
		summary:
			'Code a spoken contribution of a closed meeting on DQI categories (reviewers): each code a level ' +
			'(its index in the category’s scale) or not applicable, never both; a level is backed by its note ' +
			'or the shared quote. One bad code refuses the lot. Codes are appended (unchanged ones skipped); ' +
			'answers the coder’s current codes on the contribution. 409 `review_published` once the review ' +
			'is published, unless an officer has reopened it',
		tag: 'Review',
		body: RecordCodesInput,
		response: z.array(CodeView),
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	listCodes: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/codes',
		summary:
			'The current DQI codes on a closed meeting’s contributions: a reviewer’s own until the review is ' +
			'published, then everyone’s; 403 for others until publication (officers included)',
		tag: 'Review',
		response: CodesView,
		errors: [409, ...inPartnership]
	},
	codesCsv: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/codes.csv',
		summary:
			'The same codes as CSV, one row per code with the contribution’s item, speaker and organisation',
		tag: 'Review',
		file: 'text/csv',
		errors: [409, ...inPartnership]
	},
	publishReview: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/review/publication',
		summary:
			'Publish a closed meeting’s review (reviewers and officers): every coder’s codes and the review ' +
			'open to the partnership, and the review frozen (no codes or notes). Republishes one an officer ' +
			'reopened, freezing it again and notifying its readers. 409 when published and not reopened',
		tag: 'Review',
		response: PublicationView,
		status: 201,
		errors: [409, ...inPartnership]
	},
	reopenReview: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/review/reopening',
		summary:
			'Reopen a published review so codes and notes can be added again (admins and secretariat), ' +
			'giving the reason; recorded in the review’s history and notified to everyone who has read it. ' +
			'409 when not published or already reopened',
		tag: 'Review',
		body: ReopenReviewInput,
		response: PublicationView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	addReviewNote: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/review/notes',
		summary:
			'Add a note to a closed meeting’s review (reviewers and officers); 409 `review_published` once ' +
			'it is published, unless an officer has reopened it',
		tag: 'Review',
		body: AddReviewNoteInput,
		response: ReviewNoteView,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	listNotifications: {
		method: 'GET',
		path: '/api/v1/me/notifications',
		summary: 'The signed-in person’s notifications, newest first',
		tag: 'Account',
		response: z.array(NotificationView)
	},
	markNotificationRead: {
		method: 'POST',
		path: '/api/v1/me/notifications/{id}/read',
		summary: 'Mark one of one’s own notifications as read',
		tag: 'Account',
		response: NotificationView,
		errors: [404]
	},
	publicForumResponses: {
		method: 'GET',
		path: '/api/v1/public/partnerships/{slug}/forums/{bodyId}/responses',
		summary:
			'A forum’s published “we asked, you said, we did” responses, newest first; public data for other websites (CORS open)',
		tag: 'Public record',
		public: true,
		response: z.array(PublicResponse),
		errors: [404]
	},
	publicResponses: {
		method: 'GET',
		path: '/api/v1/public/partnerships/{slug}/responses',
		summary:
			'Every forum’s published “we asked, you said, we did” responses, newest first; public data for other websites (CORS open)',
		tag: 'Public record',
		public: true,
		response: z.array(PublicResponse),
		errors: [404]
	},
	trace: {
		method: 'GET',
		path: `${P}/trace`,
		summary:
			'How priorities travelled: forums → priorities → bodies → agenda items → decisions → actions → ' +
			'outcomes, as nodes and links; filtered by period (priority events’ dates), forum, theme, partner',
		tag: 'Traceability',
		query: TraceQuery,
		response: TraceGraph,
		errors: [400, 404]
	},
	traceCsv: {
		method: 'GET',
		path: `${P}/trace.csv`,
		summary:
			'The trace as a table, one row per priority (forum, where it is now, decisions, influence, ' +
			'actions, outcomes), as CSV; the same filters as the trace',
		tag: 'Traceability',
		query: TraceQuery,
		file: 'text/csv',
		errors: [400, 404]
	},
	stalledPriorities: {
		method: 'GET',
		path: `${P}/priorities/stalled`,
		summary:
			'Open priorities (raised, submitted, accepted, scheduled or decided without a published ' +
			'response) with no event for `days` days (60 unless given), longest waiting first',
		tag: 'Traceability',
		query: StalledQuery,
		response: z.array(StalledPriority),
		errors: [400, 404]
	},
	decisionsWithoutCommunityInput: {
		method: 'GET',
		path: `${P}/decisions/without-community-input`,
		summary: 'Decisions (recorded in the period) that no priority is linked to, newest first',
		tag: 'Traceability',
		query: PeriodQuery,
		response: z.array(UninformedDecision),
		errors: [400, 404]
	},
	timeToDecision: {
		method: 'GET',
		path: `${P}/priorities/time-to-decision`,
		summary: 'Days from raised to decided for each decided priority, with the median and range',
		tag: 'Traceability',
		response: TimeToDecision,
		errors: [404]
	},
	meetingReview: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/review',
		summary:
			'The review of a closed meeting: participation, scrutiny, evidence, forum voice and time use ' +
			'computed from the record, the DQI coding and agreement, the members’ survey and reviewers’ notes. ' +
			'Reviewers and officers read it once the meeting has closed (409 before); members and observers ' +
			'once it is published (403 before)',
		tag: 'Review',
		response: MeetingReviewView,
		errors: [403, 404, 409]
	},
	reviewMeasuresCsv: {
		method: 'GET',
		path: '/api/v1/meetings/{id}/review/measures.csv',
		summary:
			'The review’s figures as CSV in long format (section, measure, group, value), every section or ' +
			'the one named by `section`; the same rules as the review',
		tag: 'Review',
		query: MeasuresCsvQuery,
		file: 'text/csv',
		errors: [400, 403, 404, 409]
	},
	reviewTrends: {
		method: 'GET',
		path: '/api/v1/bodies/{bodyId}/review-trends',
		summary:
			'The review’s headline figures across a body’s closed meetings, in date order: every closed ' +
			'meeting for reviewers and officers, published reviews only for members and observers; DQI means ' +
			'from published reviews, survey means where enough members answered',
		tag: 'Review',
		response: ReviewTrendsView,
		errors: [404]
	},
	reviewSummary: {
		method: 'GET',
		path: `${P}/review-summary`,
		summary:
			'The partnership’s reviews over a period (`from`–`to`, YYYY-MM-DD, both included; the last 12 ' +
			'months unless given): per body the meetings reviewed and the averages of the trend figures, and ' +
			'the partnership’s totals; the same meetings as the trends',
		tag: 'Review',
		query: ReviewSummaryQuery,
		response: ReviewSummaryView,
		errors: [400, 404]
	},
	openapi: {
		method: 'GET',
		path: '/api/v1/openapi.json',
		summary: 'This document',
		tag: 'Meta',
		public: true
	},
	listPriorities: {
		method: 'GET',
		path: '/api/v1/bodies/{bodyId}/priorities',
		summary: 'The priorities a body raised or holds now, most recently moved first',
		tag: 'Priorities',
		response: z.array(PriorityView),
		errors: [404]
	},
	raisePriority: {
		method: 'POST',
		path: '/api/v1/bodies/{bodyId}/priorities',
		summary:
			'Raise a priority with the engagement behind it (members seated on the body, officers); records RAISED',
		tag: 'Priorities',
		body: RaisePriorityInput,
		response: PriorityDetail,
		status: 201,
		errors: [400, ...inPartnership]
	},
	getPriority: {
		method: 'GET',
		path: '/api/v1/priorities/{id}',
		summary:
			'A priority with its timeline in order, files, latest response and the steps the caller may record next',
		tag: 'Priorities',
		response: PriorityDetail,
		errors: [404]
	},
	recordPriorityEvent: {
		method: 'POST',
		path: '/api/v1/priorities/{id}/events',
		summary:
			'Record the next step of a priority’s life. A step that does not follow from its status answers 409 ' +
			'with `error.allowed`, the steps that would; nothing is written',
		tag: 'Priorities',
		body: PriorityEventInput,
		response: PriorityDetail,
		status: 201,
		errors: [400, 409, ...inPartnership]
	},
	addPriorityFile: {
		method: 'POST',
		path: '/api/v1/priorities/{id}/files',
		summary:
			'Add a supporting file (members of the raising or holding body, officers). With a session cookie, ' +
			'send an Origin header naming this site, as browsers do',
		tag: 'Priorities',
		upload: {
			field: 'file',
			maxBytes: MAX_EVIDENCE_FILE_BYTES,
			description: `One of: ${ACCEPTED_EXTENSIONS.join(', ')}; checked by extension and contents`
		},
		response: PriorityFileView,
		status: 201,
		errors: [400, 413, ...inPartnership]
	},
	downloadPriorityFile: {
		method: 'GET',
		path: '/api/v1/priorities/{id}/files/{fileId}',
		summary: 'Download a priority’s supporting file',
		tag: 'Priorities',
		file: true,
		errors: [404]
	},
	updateFeedback: {
		method: 'PATCH',
		path: '/api/v1/feedback/{id}',
		summary:
			'Edit a drafted “we asked, you said, we did” response (officers; drafts only, else 409)',
		tag: 'Priorities',
		body: UpdateFeedbackInput,
		response: FeedbackView,
		errors: [400, 409, ...inPartnership]
	},
	publishFeedback: {
		method: 'POST',
		path: '/api/v1/feedback/{id}/publish',
		summary: 'Publish a drafted response (officers); records FEEDBACK_PUBLISHED on the priority',
		tag: 'Priorities',
		response: FeedbackView,
		errors: [409, ...inPartnership]
	},
	giveFeedbackVerdict: {
		method: 'POST',
		path: '/api/v1/feedback/{id}/verdict',
		summary:
			'The raising forum accepts or contests a published response (a note is required to contest); ' +
			'a contested one notifies the secretariat',
		tag: 'Priorities',
		body: VerdictInput,
		response: FeedbackView,
		errors: [400, 409, ...inPartnership]
	},
	listOutcomes: {
		method: 'GET',
		path: `${P}/outcomes`,
		summary: 'The partnership’s plan outcomes (LOIP and locality plans)',
		tag: 'Outcomes',
		response: z.array(OutcomeView),
		errors: [404]
	},
	createOutcome: {
		method: 'POST',
		path: `${P}/outcomes`,
		summary: 'Add a plan outcome (officers)',
		tag: 'Outcomes',
		body: CreateOutcomeInput,
		response: OutcomeView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	tagActionOutcomes: {
		method: 'PUT',
		path: '/api/v1/actions/{id}/outcomes',
		summary: 'Set the plan outcomes an action serves (officers)',
		tag: 'Outcomes',
		body: TagActionInput,
		response: ActionOutcomesView,
		errors: [400, ...inPartnership]
	}
});
