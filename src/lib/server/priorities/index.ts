// The public face of priorities/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { prioritiesApi } from './api.ts';
export { recordPriorityEvent } from './events.ts';
export { addPriorityFile, priorityFile } from './files.ts';
export { getPublicForum, listPublicForums, listPublicResponses } from './public-forum.ts';
export { getPriority, listPriorities, raisePriority } from './raise.ts';
export {
	actionsToLink,
	decisionsToLink,
	listPartnershipPriorities,
	upcomingAgendaItems
} from './register.ts';
export { publishFeedback, updateFeedback } from './responses.ts';
export { priorityTimeline } from './timeline.ts';
export {
	StalledPriority,
	UninformedDecision,
	decisionsWithoutCommunityInput,
	prioritiesBehindDecision,
	stalledPriorities,
	timeToDecision
} from './trace-measures.ts';
export type { TraceData } from './trace-shapes.ts';
export { priorityThemes, traceData, traceGraph } from './trace.ts';
export { traceCsv } from './trace-csv.ts';
export { giveVerdict } from './verdicts.ts';
export { OutcomeView } from './views.ts';
export { prioritiesWaitingOn } from './waiting.ts';
export {
	COMMENTS_PER_ADDRESS_PER_DAY,
	NETWORK_LIMIT_PER_HOUR,
	requestComment,
	requestSupport
} from './residents.ts';
export { confirmVoice, peekConfirmation } from './residents-confirm.ts';
export { publicVoice, voiceOf } from './residents-voice.ts';
export { REJECT_REASONS, networkOf } from './residents-input.ts';
export type { PublicVoice, QueuedComment } from './residents-input.ts';
export { moderateComment, moderationQueue, priorityVoice } from './residents-moderation.ts';
export { residentsApi } from './residents-api.ts';
