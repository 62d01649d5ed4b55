// A meeting's endpoints: scheduling, the agenda, papers, challenges, and running it (attendance, declarations,
// the speaker queue), and the stream of its changes.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { AttendanceView, RecordAttendanceInput } from './attendance.ts';
import { ChallengeFilter, ChallengeView } from './challenge-log.ts';
import { RaiseChallengeInput, RespondToChallengeInput } from './challenges.ts';
import { DeclarationView, DeclareInterestInput } from './declarations.ts';
import { ACCEPTED_EXTENSIONS, MAX_EVIDENCE_FILE_BYTES } from './evidence-files.ts';
import { SetEvidenceOrganisationsInput } from './evidence-organisations.ts';
import { AddPaperInput } from './add-paper.ts';
import { CancelMeetingInput, RescheduleMeetingInput } from './changes.ts';
import { ChangeJointBodyInput } from './joint-bodies.ts';
import { EvidenceView } from './evidence.ts';
import {
	IssueAgendaInput,
	MeetingSummary,
	MeetingView,
	ScheduleMeetingInput,
	SetCurrentItemInput
} from './scheduling.ts';
import {
	EndTurnInput,
	RequestToSpeakInput,
	SpeakersView,
	StartTurnInput,
	TurnView
} from './speakers.ts';
import { IN_PARTNERSHIP, defineRoutes } from '../platform/index.ts';

const inPartnership = IN_PARTNERSHIP;

export const meetingsApi = defineRoutes({
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
		summary:
			'Issue the agenda of a draft meeting, notifying everyone seated on the body; papers added afterwards are marked late. An agenda with no items needs issueEmpty: true',
		tag: 'Meetings',
		body: IssueAgendaInput,
		response: MeetingView,
		errors: [400, 409, ...inPartnership]
	},
	rescheduleMeeting: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/reschedule',
		summary:
			'Move a meeting that has not started (secretariat and admins): a new `startsAt` (UK local time or ISO), and ' +
			'optionally length, place and online link (left out: kept). Once the agenda is issued, everyone seated is ' +
			'notified and emailed the updated calendar invitation (same UID, higher SEQUENCE)',
		tag: 'Meetings',
		body: RescheduleMeetingInput,
		response: MeetingView,
		errors: [400, 409, ...inPartnership]
	},
	cancelMeeting: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/cancel',
		summary:
			'Cancel a meeting that has not started, giving a reason (secretariat and admins); it cannot be undone. ' +
			'Once the agenda is issued, everyone seated is notified and emailed a calendar cancellation (METHOD:CANCEL)',
		tag: 'Meetings',
		body: CancelMeetingInput,
		response: MeetingView,
		errors: [400, 409, ...inPartnership]
	},
	changeJointBody: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/joint-bodies',
		summary:
			'Add a body to hold the meeting jointly, or remove one, before the meeting starts (secretariat and admins). An added body’s members are seated; if the agenda is out, those new to the meeting are sent it',
		tag: 'Meetings',
		body: ChangeJointBodyInput,
		response: MeetingView,
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
	addPaper: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/evidence',
		summary:
			'Add a paper. PARTNERS or PUBLIC: it joins the shared evidence pack, where its content is edited. ' +
			'RESTRICTED (the default when confidentiality is left out): seen only by the organisations in ' +
			'allowedOrganisationIds, with its content in a document of its own. Attach its file with uploadEvidenceFile',
		tag: 'Evidence',
		body: AddPaperInput,
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
	}
});
