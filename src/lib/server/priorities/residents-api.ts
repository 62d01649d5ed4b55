// The endpoints of residents' voice: supporting a priority and commenting on a response from a forum's
// public page (no account; confirmed by an emailed link), the public counts and approved comments, the
// officers' moderation queue, and the voice beside a priority for the board.
import { z } from 'zod';
import { IN_PARTNERSHIP, PARTNERSHIP_API, defineRoutes } from '../platform/index.ts';
import {
	CommentInput,
	ConfirmInput,
	ConfirmResult,
	ModerationInput,
	PublicVoice,
	QueuedComment,
	Requested,
	SupportInput
} from './residents-input.ts';

const FORUM = '/api/v1/public/partnerships/{slug}/forums/{bodyId}';

export const residentsApi = defineRoutes({
	publicForumVoice: {
		method: 'GET',
		path: `${FORUM}/voice`,
		summary:
			'Residents’ confirmed support counts for the priorities a forum’s public page shows, and the approved ' +
			'comments on its published responses (a first name and area only where the resident gave them)',
		tag: 'Residents’ voice',
		public: true,
		response: PublicVoice,
		errors: [404]
	},
	supportPriority: {
		method: 'POST',
		path: `${FORUM}/priorities/{priorityId}/support`,
		summary:
			'A resident supports a priority the forum’s page shows: queues an email with a one-time link (48 hours); ' +
			'it counts once confirmed. One support per address and priority, a few unconfirmed requests per ' +
			'network an hour (429)',
		tag: 'Residents’ voice',
		public: true,
		body: SupportInput,
		response: Requested,
		status: 201,
		errors: [400, 404, 429]
	},
	commentOnResponse: {
		method: 'POST',
		path: `${FORUM}/responses/{feedbackId}/comments`,
		summary:
			'A resident comments on a published response: queues an email with a one-time link (48 hours); once ' +
			'confirmed it waits for the officers’ moderation. A few comments per address a day, a few ' +
			'unconfirmed requests per network an hour (429)',
		tag: 'Residents’ voice',
		public: true,
		body: CommentInput,
		response: Requested,
		status: 201,
		errors: [400, 404, 429]
	},
	confirmResidentVoice: {
		method: 'POST',
		path: '/api/v1/public/residents/confirm',
		summary:
			'Confirms a resident’s support or comment with the token from the emailed link; a used or expired ' +
			'link answers 409 (`link_used`, `link_expired`)',
		tag: 'Residents’ voice',
		public: true,
		body: ConfirmInput,
		response: ConfirmResult,
		errors: [400, 404, 409]
	},
	residentCommentQueue: {
		method: 'GET',
		path: `${PARTNERSHIP_API}/resident-comments`,
		summary: 'Residents’ confirmed comments waiting for moderation, oldest first (officers)',
		tag: 'Residents’ voice',
		response: z.array(QueuedComment),
		errors: IN_PARTNERSHIP
	},
	moderateResidentComment: {
		method: 'POST',
		path: '/api/v1/resident-comments/{id}/moderation',
		summary:
			'Approve a resident’s comment, or reject it with a reason from the list; audited; the resident is ' +
			'emailed the outcome (officers)',
		tag: 'Residents’ voice',
		body: ModerationInput,
		response: z.object({ id: z.string(), status: z.enum(['APPROVED', 'REJECTED']) }),
		errors: [400, 409, ...IN_PARTNERSHIP]
	},
	priorityResidentVoice: {
		method: 'GET',
		path: '/api/v1/priorities/{id}/residents',
		summary: 'Residents’ confirmed support count and approved comments on a priority',
		tag: 'Residents’ voice',
		response: PublicVoice,
		errors: [404]
	}
});
