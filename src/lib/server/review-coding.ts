// PLACEHOLDER until the coding lands (issue 6, in progress): the DQI summary and the agreement between
// coders for a meeting's review. Replaced by the real reading of Code rows.
import type { z } from 'zod';
import type { AgreementView, DqiView } from '../review/views.ts';
import type { ReviewContext } from './review-access.ts';

export async function codingSections(
	ctx: ReviewContext
): Promise<{ dqi: z.infer<typeof DqiView>; agreement: z.infer<typeof AgreementView> }> {
	return {
		dqi: {
			scope: ctx.codeScope,
			coders: 0,
			contributions: 0,
			codedContributions: 0,
			categories: [],
			byOrganisation: [],
			bySector: []
		},
		agreement: { coders: 0, method: null, categories: [], disagreements: [] }
	};
}
