// What the chair sends to record or amend a decision: its content (outcome, method, votes, dissent, papers
// cited, alternatives, commitments, delegation), and for a new decision its item, referral and, at a joint
// meeting, the bodies that took it. One schema each, used by the live page's form, the API and its document.
import { z } from 'zod';
import { ReferToInput } from './referrals.ts';
import { DelegationInput } from './delegation-check.ts';
import { TakenByInput } from './joint.ts';
import { ITEM_MESSAGE } from '../meetings/index.ts';
import {
	choice,
	Flag,
	optionalId,
	optionalText,
	reference,
	requiredText
} from '../platform/index.ts';
import { DECISION_METHODS, DECISION_OUTCOMES } from '../../vocabulary.ts';

const count = (label: string) =>
	z
		.number({ error: `Enter the number ${label}` })
		.int(`Enter the number ${label} as a whole number`)
		.min(0, `Enter the number ${label}`)
		.max(1000, `The number ${label} must be 1000 or fewer`);

export const DecisionContentInput = z.object({
	outcome: choice(DECISION_OUTCOMES, 'Choose the outcome'),
	method: choice(DECISION_METHODS, 'Choose how the decision was taken'),
	votes: z
		.object(
			{ for: count('for'), against: count('against'), abstained: count('abstaining') },
			{ error: 'Enter the votes for, against and abstaining' }
		)
		.nullish(),
	dissent: z
		.array(
			z.object({
				membershipId: reference('Choose who dissented'),
				reason: optionalText('the reason', 2000).transform((v) => v ?? '')
			}),
			{ error: 'List who dissented' }
		)
		.max(100, 'At most 100 dissenters')
		.default([]),
	evidenceItemIds: z
		.array(reference('Choose papers of this meeting’s pack'), { error: 'List the papers cited' })
		.max(100, 'Cite at most 100 papers')
		.default([])
		.transform((ids) => [...new Set(ids)]),
	alternatives: optionalText('the alternatives considered', 4000).transform((v) => v ?? ''),
	commitments: z
		.array(
			z.object({
				organisationId: reference('Choose the organisation committing'),
				membershipId: optionalId('Choose who committed for the organisation'),
				text: requiredText('what the organisation commits to', 2000)
			}),
			{ error: 'List the commitments' }
		)
		.max(50, 'At most 50 commitments')
		.default([]),
	/** The money it commits and the reserved matters it touches, against the body's scheme of delegation. */
	delegation: DelegationInput.optional(),
	/** The chair has been warned that the meeting is not quorate and goes ahead. */
	proceedWithoutQuorum: Flag.optional()
});
export const RecordDecisionInput = DecisionContentInput.extend({
	agendaItemId: reference(ITEM_MESSAGE),
	/** A matter the decision refers to a named body, which sees it in its own list. */
	referTo: ReferToInput.optional(),
	/** At a joint meeting, the holding bodies that took it (default: every one that is quorate). */
	takenBy: TakenByInput.optional()
});
export type Content = z.output<typeof DecisionContentInput>;

export const RUN_MESSAGE = 'Only the chair, the vice-chair and the secretariat record decisions.';
