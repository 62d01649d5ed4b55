// The endpoints of forum priorities: raising them, their life, files and responses, the public record of
// responses, and the trace from priorities to outcomes.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { ACCEPTED_EXTENSIONS, MAX_EVIDENCE_FILE_BYTES } from '../meetings/index.ts';
import { PriorityEventInput } from './events.ts';
import { PublicResponse } from './public-forum.ts';
import { PriorityDetail, RaisePriorityInput } from './raise.ts';
import { FeedbackView, UpdateFeedbackInput } from './responses.ts';
import { VerdictInput } from './verdicts.ts';
import {
	PeriodQuery,
	StalledPriority,
	StalledQuery,
	TimeToDecision,
	UninformedDecision
} from './trace-measures.ts';
import { TraceGraph, TraceQuery } from './trace-shapes.ts';
import { PriorityFileView, PriorityView } from './views.ts';
import { IN_PARTNERSHIP, PARTNERSHIP_API, defineRoutes } from '../platform/index.ts';

const P = PARTNERSHIP_API;
const inPartnership = IN_PARTNERSHIP;

export const prioritiesApi = defineRoutes({
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
			'outcomes → indicators, as nodes and links; each indicator node with its status and how it moved ' +
			'since each decision whose actions serve its outcome (the reading in force on the decision’s day ' +
			'against the latest one after it); each `decided` link with the influence promised on acceptance, ' +
			'the influence achieved and how they compare; and `overdue`, the priorities whose hear-back-by day ' +
			'has passed with no decision, decline or published response; filtered by period (priority events’ ' +
			'dates), forum, theme, partner',
		tag: 'Traceability',
		query: TraceQuery,
		response: TraceGraph,
		errors: [400, 404]
	},
	traceCsv: {
		method: 'GET',
		path: `${P}/trace.csv`,
		summary:
			'The trace as a table, one row per priority (forum, where it is now, decisions, influence promised ' +
			'and achieved and how they compare, hear-back-by day and whether it is overdue, ' +
			'actions, outcomes, indicators and their movement since the decision), as CSV; the same filters ' +
			'as the trace',
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
			'with `error.allowed`, the steps that would; nothing is written. Beyond the parent: ' +
			'`PASSED_SIDEWAYS` sends it to another theme group of the partnership (from a theme group), ' +
			'`REFERRED_DOWN` to a group that reports to the holder; both need a reason, shown on its timeline',
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
	}
});
