// What the API and the pages show of decisions and actions: a decision's versions and the actions arising.
// Client-safe (the live page's panels type their props with these); the server's decisions/ builds them.
import { z } from 'zod';
import { PersonView } from './meetings.ts';
import {
	ACTION_STATUSES,
	type ActionStatus,
	DECISION_METHODS,
	DECISION_OUTCOMES,
	type DecisionMethod,
	type DecisionOutcome
} from '../vocabulary.ts';

export const Votes = z.object({ for: z.number(), against: z.number(), abstained: z.number() });

export const DecisionVersionView = z.object({
	/** The decision's id (the same for all its versions). */
	id: z.string(),
	versionId: z.string(),
	version: z.number(),
	meetingId: z.string(),
	agendaItemId: z.string(),
	wording: z.string(),
	outcome: z.enum(Object.keys(DECISION_OUTCOMES) as [DecisionOutcome]),
	method: z.enum(Object.keys(DECISION_METHODS) as [DecisionMethod]),
	votes: Votes.nullable(),
	dissent: z.array(PersonView.extend({ reason: z.string() })),
	/** Papers cited; a restricted paper the caller may not see has a null title. */
	evidence: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
	alternatives: z.string(),
	commitments: z.array(
		z.object({
			organisationId: z.string(),
			organisationName: z.string(),
			membershipId: z.string().nullable(),
			name: z.string().nullable(),
			text: z.string(),
			withAuthority: z.boolean()
		})
	),
	subjectToRatificationBy: z.array(z.object({ organisationId: z.string(), name: z.string() })),
	quorate: z.boolean(),
	participants: z.array(PersonView),
	hash: z.string(),
	previousHash: z.string().nullable(),
	/** The stored hash matches the content as stored now. */
	hashVerified: z.boolean(),
	recordedById: z.string(),
	recordedByName: z.string(),
	recordedAt: z.iso.datetime()
});
export type DecisionVersionView = z.infer<typeof DecisionVersionView>;

export const ActionView = z.object({
	id: z.string(),
	decisionId: z.string(),
	meetingId: z.string(),
	meetingTitle: z.string(),
	meetingStartsAt: z.iso.datetime(),
	bodyId: z.string(),
	agendaItemId: z.string(),
	itemTitle: z.string(),
	text: z.string(),
	ownerOrganisationId: z.string(),
	ownerOrganisationName: z.string(),
	ownerMembershipId: z.string().nullable(),
	ownerName: z.string().nullable(),
	dueOn: z.iso.date().nullable(),
	status: z.enum(Object.keys(ACTION_STATUSES) as [ActionStatus]),
	createdById: z.string(),
	createdByName: z.string(),
	createdAt: z.iso.datetime(),
	updatedAt: z.iso.datetime(),
	/** The owner's latest progress report, if any. */
	lastUpdate: z
		.object({
			on: z.iso.date(),
			note: z.string(),
			percent: z.number().nullable(),
			milestone: z.string(),
			blockers: z.string(),
			byName: z.string()
		})
		.nullable(),
	/** Still open, and its latest report names what stands in its way. */
	blocked: z.boolean()
});
export type ActionView = z.infer<typeof ActionView>;
