// The endpoints of a meeting's minutes: closing it, the draft and approved versions, approval.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { ApproveMinutesInput, MinutesView } from './minutes.ts';
import { IN_PARTNERSHIP, defineRoutes } from '../platform/index.ts';

const inPartnership = IN_PARTNERSHIP;

export const minutesApi = defineRoutes({
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
	}
});
