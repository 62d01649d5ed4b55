// The endpoints of plan outcomes and the actions that serve them.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { OutcomeView } from '../priorities/index.ts';
import { ActionOutcomesView, CreateOutcomeInput, TagActionInput } from './outcomes.ts';
import { ImportReadingsInput, ReadingImportView } from './reading-import.ts';
import { PartnerAccountView, WriteStatementInput } from './partner-account.ts';
import { AnnualReportQuery, AnnualReportView } from './annual-report.ts';
import {
	DefineIndicatorInput,
	IndicatorView,
	OutcomeDetailView,
	RecordReadingInput
} from './indicators.ts';
import { DefineRiskInput, RiskListQuery } from './risks.ts';
import { EditRiskInput } from './risk-edit.ts';
import { RiskView } from './risk-views.ts';
import { RecordRiskReviewInput } from './risk-review.ts';
import { IN_PARTNERSHIP, PARTNERSHIP_API, defineRoutes } from '../platform/index.ts';

const P = PARTNERSHIP_API;
const inPartnership = IN_PARTNERSHIP;

export const outcomesApi = defineRoutes({
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
	getOutcome: {
		method: 'GET',
		path: '/api/v1/outcomes/{id}',
		summary:
			'A plan outcome with its indicators: baseline, target, readings and status (on track, at risk, off ' +
			'track or no recent reading, by the rule in docs/OUTCOMES.md)',
		tag: 'Outcomes',
		response: OutcomeDetailView,
		errors: [404]
	},
	defineIndicator: {
		method: 'POST',
		path: '/api/v1/outcomes/{id}/indicators',
		summary:
			'Define an indicator of an outcome (officers): what is measured, unit, source partner, area, ' +
			'direction, baseline and target; the trajectory is the straight line between them',
		tag: 'Outcomes',
		body: DefineIndicatorInput,
		response: IndicatorView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	recordReading: {
		method: 'POST',
		path: '/api/v1/indicators/{id}/readings',
		summary:
			'Record a reading of an indicator (its source partner and officers). Readings are never changed: ' +
			'correctsReadingId puts one right, and the corrected one stays in the record',
		tag: 'Outcomes',
		body: RecordReadingInput,
		response: IndicatorView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	importReadings: {
		method: 'POST',
		path: '/api/v1/indicators/{id}/readings/import',
		summary:
			'Check a CSV of readings (header row: date, value, source, note; dates as 2026-03-31 or 31/03/2026) ' +
			'and, with confirm: true and every row fine, record them all; otherwise nothing is written and ' +
			'each row comes back with its problems',
		tag: 'Outcomes',
		body: ImportReadingsInput,
		response: ReadingImportView,
		errors: [400, ...inPartnership]
	},
	partnerAccount: {
		method: 'GET',
		path: `${P}/organisations/{id}/account`,
		summary:
			'One partner’s account: its seats and who holds them, attendance over the last twelve months by ' +
			'meeting, commitments given at decisions (and those needing its own ratification), actions owned, ' +
			'challenges made and received',
		tag: 'Outcomes',
		response: PartnerAccountView,
		errors: [404]
	},
	writeStatement: {
		method: 'POST',
		path: `${P}/organisations/{id}/statements`,
		summary:
			'Save a partner’s annual statement for a year: how the community plan is reflected in its own plans ' +
			'(officers for any partner; a member for their own). Each save is a new version; the earlier ones are kept',
		tag: 'Outcomes',
		body: WriteStatementInput,
		response: PartnerAccountView.shape.statements.element,
		status: 201,
		errors: [400, ...inPartnership]
	},
	annualReport: {
		method: 'GET',
		path: `${P}/annual-report`,
		summary:
			'The annual outcome report for a reporting year (1 April to 31 March; year is the one it starts ' +
			'in, by default the last that has ended): outcomes with their indicators as the year ended, the ' +
			'actions and decisions that served them, forum priorities and the answers given, each partner’s ' +
			'account and statement for the year, and the review’s measures',
		tag: 'Outcomes',
		query: AnnualReportQuery,
		response: AnnualReportView,
		errors: [400, 404]
	},
	tagActionOutcomes: {
		method: 'PUT',
		path: '/api/v1/actions/{id}/outcomes',
		summary: 'Set the plan outcomes an action serves (officers)',
		tag: 'Outcomes',
		body: TagActionInput,
		response: ActionOutcomesView,
		errors: [400, ...inPartnership]
	},
	listRisks: {
		method: 'GET',
		path: `${P}/risks`,
		summary:
			'The joint risk register: every risk with its owner partner, current scores (likelihood × impact, ' +
			'each 1–5), band, controls, links, the history of its reviews and the versions of its wording and ' +
			'links; open risks first, highest score first. owner and band list only one partner’s or one band’s',
		tag: 'Outcomes',
		query: RiskListQuery,
		response: z.array(RiskView),
		errors: [400, 404]
	},
	defineRisk: {
		method: 'POST',
		path: `${P}/risks`,
		summary:
			'Define a risk (officers): title, description, owner partner, likelihood and impact (1–5), controls, ' +
			'the next review (left out: due at the next risk review) and linked outcomes, decisions and actions. ' +
			'The scores given are its first review',
		tag: 'Outcomes',
		body: DefineRiskInput,
		response: RiskView,
		status: 201,
		errors: [400, ...inPartnership]
	},
	getRisk: {
		method: 'GET',
		path: '/api/v1/risks/{id}',
		summary:
			'A risk of the register with its links, every review and every version of its wording and links, ' +
			'oldest first',
		tag: 'Outcomes',
		response: RiskView,
		errors: [404]
	},
	editRisk: {
		method: 'PATCH',
		path: '/api/v1/risks/{id}',
		summary:
			'Edit a risk (officers): its title, what it is, and the outcomes, decisions and actions of the ' +
			'partnership it is linked to (a list given replaces that kind of link; what is left out stays). ' +
			'Each edit is a new version; the earlier wording and links are kept and listed with what changed',
		tag: 'Outcomes',
		body: EditRiskInput,
		response: RiskView,
		errors: [400, ...inPartnership]
	},
	recordRiskReview: {
		method: 'POST',
		path: '/api/v1/risks/{id}/reviews',
		summary:
			'Record a review of a risk (officers and the owner partner’s members), at or for a meeting with a ' +
			'risk review item or between meetings: new scores, the controls as revised, a note and the next ' +
			'review, or closed: true. Reviews are never changed; the latest is current',
		tag: 'Outcomes',
		body: RecordRiskReviewInput,
		response: RiskView,
		status: 201,
		errors: [400, ...inPartnership]
	}
});
