// The public face of outcomes/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { outcomesApi } from './api.ts';
export { createOutcome, listOutcomeUses, listOutcomes, tagAction } from './outcomes.ts';
export {
	defineIndicator,
	getOutcome,
	performanceReport,
	readingRights,
	recordReading,
	type IndicatorView,
	type OutcomeDetailView
} from './indicators.ts';
export { expectedOn, indicatorStatus, type Plan } from '../../indicator-status.ts';
export { MAX_IMPORTED_ROWS, importReadings, type ReadingImportView } from './reading-import.ts';
export { PartnerAccountView, partnerAccount, writeStatement } from './partner-account.ts';
export { AnnualReportView, annualReport } from './annual-report.ts';
export { commitmentKept, type CommitmentEvidence } from './commitment-kept.ts';
export { defineRisk, getRisk, listRisks, riskLinkChoices, risksCiting } from './risks.ts';
export { RiskView, type RiskReviewView } from './risk-views.ts';
export { editRisk } from './risk-edit.ts';
export { type RiskChangeView, type RiskVersionView } from './risk-versions.ts';
export {
	mayReviewRisk,
	recordRiskReview,
	riskReviewMeetings,
	riskReviewPaper,
	type RiskReviewPaper
} from './risk-review.ts';
