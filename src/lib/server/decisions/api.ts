// The endpoints of decisions and their versions, the register, actions and the CSV exports.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { ActionFilter, ActionView, AddActionInput, UpdateActionInput } from './actions.ts';
import { RatificationView, RecordRatificationInput } from './ratification.ts';
import {
	ActionProgressView,
	CommitResourcesInput,
	ReportProgressInput
} from './action-progress.ts';
import { DecisionContentInput, RecordDecisionInput } from './decision-input.ts';
import { DecisionDetail, DecisionSearch, DecisionSummary } from './register.ts';
import { DecisionVersionView } from './views.ts';
import { ReferralView } from './referrals.ts';
import { IN_PARTNERSHIP, PARTNERSHIP_API, defineRoutes } from '../platform/index.ts';

const P = PARTNERSHIP_API;
const inPartnership = IN_PARTNERSHIP;

export const decisionsApi = defineRoutes({
	recordDecision: {
		method: 'POST',
		path: '/api/v1/meetings/{id}/decisions',
		summary:
			'Record the decision on an item (chair, vice-chair, secretariat): freezes the wording in the decision log into version 1. ' +
			'409 when the meeting is not quorate unless `proceedWithoutQuorum` is true. `referTo` refers a ' +
			'matter to another named body of the partnership, which sees it in its list of referrals',
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
	listReferrals: {
		method: 'GET',
		path: '/api/v1/bodies/{bodyId}/referrals',
		summary:
			'The matters decisions referred to a body (“Referred to us”), newest first, each linked to its decision',
		tag: 'Decisions',
		response: z.array(ReferralView),
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
	recordRatification: {
		method: 'POST',
		path: '/api/v1/decisions/{id}/ratifications',
		summary:
			'Record that a partner’s own governance ratified a decision subject to it (officers for any partner; ' +
			'a member for their own organisation): when, by whom, the reference. The decision’s versions and hashes are unchanged',
		tag: 'Decisions',
		body: RecordRatificationInput,
		response: z.array(RatificationView),
		status: 201,
		errors: [400, ...inPartnership]
	},
	getAction: {
		method: 'GET',
		path: '/api/v1/actions/{id}',
		summary: 'An action with its progress reports and changes of status, newest first',
		tag: 'Actions',
		response: ActionProgressView,
		errors: [404]
	},
	reportProgress: {
		method: 'POST',
		path: '/api/v1/actions/{id}/updates',
		summary:
			'Report how an action is getting on (the owning organisation, chair, secretariat): what has ' +
			'happened, how far along, a milestone, what stands in the way, and optionally a new status. Kept as reported',
		tag: 'Actions',
		body: ReportProgressInput,
		response: ActionProgressView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	commitResources: {
		method: 'POST',
		path: '/api/v1/actions/{id}/resources',
		summary:
			'Record what a partner commits to an action: money (whole pounds) and staff time (days), either ' +
			'or both (officers for any partner; a member for their own). A later commitment replaces the earlier one in the totals; both are kept',
		tag: 'Actions',
		body: CommitResourcesInput,
		response: ActionProgressView,
		status: 201,
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
	}
});
