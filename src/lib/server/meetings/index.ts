// The public face of meetings/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { meetingsApi } from './api.ts';
export { getAttendance, recordAttendance } from './attendance.ts';
export { ChallengeView, listChallenges, listChallengesOnEvidence } from './challenge-log.ts';
export { raiseChallenge, respondToChallenge } from './challenges.ts';
export { declareInterest, listDeclarations } from './declarations.ts';
export { cancelMeeting, rescheduleMeeting } from './changes.ts';
export { documentHistory } from './document-history.ts';
export { changeJointBody, ChangeJointBodyInput } from './joint-bodies.ts';
export { readAgenda, readEvidencePack, readRestrictedPaper } from './document-rows.ts';
export {
	ACCEPTED_EXTENSIONS,
	ACCEPT_ATTRIBUTE,
	MAX_EVIDENCE_FILE_BYTES,
	checkEvidenceFile,
	storeFile
} from './evidence-files.ts';
export type { UploadedFile } from './evidence-files.ts';
export { setEvidenceOrganisations } from './evidence-organisations.ts';
export { addPaper, AddPaperInput } from './add-paper.ts';
export {
	addRestrictedEvidence,
	attachEvidenceFile,
	evidenceFile,
	listEvidence
} from './evidence.ts';
export {
	ITEM_MESSAGE,
	agendaItemOf,
	demandInProgress,
	fail,
	organisationsOf,
	peopleOf,
	requireStatus,
	userNames
} from './floor.ts';
export { followMeeting, meetingEventStream } from './event-streams.ts';
export type { SnapshotSource } from './event-streams.ts';
export { sharedSnapshot } from './live-snapshots.ts';
export type { Snapshot } from './live-snapshots.ts';
export { InProcessMeetingEvents, meetingEvents, publishMeetingChange } from './meeting-events.ts';
export type { MeetingChange, MeetingEventBus } from './meeting-events.ts';
export {
	matterArisingTitle,
	mattersArisingOfPriority,
	mattersArisingOnAgenda,
	placeMattersArising,
	placeWaitingMattersArising,
	recordMatterArising,
	waitingMattersArising,
	withdrawWaitingMatters
} from './matters-arising.ts';
export type { MatterArisingView, NewMatterArising } from './matters-arising.ts';
export { nextMeetingsFor, papersToRead } from './next-meetings.ts';
export { openDocuments, withDocument, withDocumentHost } from './open-documents.ts';
export type { DocumentHost } from './open-documents.ts';
export { projectDocument } from './projection.ts';
export { bodyQuorums, eligibleFor, meetingQuorum, quorumOf, readRoll } from './roll-and-quorum.ts';
export type { BodyQuorum, RollEntry } from './roll-and-quorum.ts';
export {
	agendaIssuePreview,
	getMeeting,
	issueAgenda,
	listMeetings,
	scheduleMeeting,
	setCurrentItem,
	startMeeting
} from './scheduling.ts';
export type { AgendaIssuePreview } from './scheduling.ts';
export {
	cancelRequest,
	endTurn,
	getSpeakers,
	readSpeakers,
	requestToSpeak,
	startTurn
} from './speakers.ts';
