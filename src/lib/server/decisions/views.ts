// How a recorded decision version reads: every id named, the organisations it is subject to ratification
// by, and whether its stored hash still matches its content.
import { z } from 'zod';
import type { Db, Tx } from '../platform/index.ts';
import { decisionHash, type VersionContent } from './hash.ts';
import { organisationsOf, peopleOf, PersonView, userNames } from '../meetings/index.ts';
import type { PartnershipContext } from '../access/index.ts';
import { maySeePaper } from '../access/index.ts';
import {
	DECISION_METHODS,
	DECISION_OUTCOMES,
	type DecisionMethod,
	type DecisionOutcome
} from '../../vocabulary.ts';

type Reader = Db | Tx;

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

export const versionInclude = { dissent: true, evidence: true, commitments: true } as const;

export type VersionRow = NonNullable<Awaited<ReturnType<Db['decisionVersion']['findFirst']>>> & {
	dissent: { membershipId: string; reason: string }[];
	evidence: { evidenceItemId: string }[];
	commitments: {
		organisationId: string;
		membershipId: string | null;
		text: string;
		withAuthority: boolean;
	}[];
};

/** What the hash covers, read back from a stored version. */
export function contentOf(row: VersionRow): VersionContent {
	return {
		decisionId: row.decisionId,
		version: row.version,
		wording: row.wording,
		outcome: row.outcome,
		method: row.method,
		votes:
			row.votesFor === null
				? null
				: { for: row.votesFor, against: row.votesAgainst ?? 0, abstained: row.votesAbstained ?? 0 },
		dissent: row.dissent.map((d) => ({ membershipId: d.membershipId, reason: d.reason })),
		evidenceItemIds: row.evidence.map((e) => e.evidenceItemId),
		alternatives: row.alternatives,
		commitments: row.commitments.map((c) => ({
			organisationId: c.organisationId,
			membershipId: c.membershipId,
			text: c.text,
			withAuthority: c.withAuthority
		})),
		quorate: row.quorate,
		participants: JSON.parse(row.participants) as string[],
		recordedById: row.recordedById,
		recordedAt: row.recordedAt.toISOString(),
		previousHash: row.previousHash
	};
}

export async function versionViews(
	reader: Reader,
	ctx: Pick<PartnershipContext, 'actor' | 'membership' | 'partnership'>,
	decision: { id: string; meetingId: string; agendaItemId: string },
	rows: VersionRow[]
): Promise<DecisionVersionView[]> {
	const contents = rows.map(contentOf);
	const partnershipId = ctx.partnership.id;
	const [people, organisations, users, papers] = await Promise.all([
		peopleOf(
			reader,
			partnershipId,
			contents.flatMap((c) => [
				...c.participants,
				...c.dissent.map((d) => d.membershipId),
				...c.commitments.flatMap((m) => m.membershipId ?? [])
			])
		),
		organisationsOf(
			reader,
			partnershipId,
			contents.flatMap((c) => c.commitments.map((m) => m.organisationId))
		),
		userNames(
			reader,
			rows.map((r) => r.recordedById)
		),
		reader.evidenceItem.findMany({
			where: { id: { in: contents.flatMap((c) => c.evidenceItemIds) } },
			select: {
				id: true,
				title: true,
				confidentiality: true,
				allowedOrganisationIds: true
			}
		})
	]);
	const paperOf = new Map(papers.map((p) => [p.id, p]));
	const unknown = (membershipId: string) => ({
		membershipId,
		name: '',
		organisationId: '',
		organisationName: '',
		sector: 'OTHER' as const
	});
	const person = (id: string) => people.get(id) ?? unknown(id);
	return rows.map((row, i) => {
		const content = contents[i];
		const commitments = content.commitments.map((c) => ({
			...c,
			organisationName: organisations.get(c.organisationId)?.name ?? '',
			name: c.membershipId ? (people.get(c.membershipId)?.name ?? null) : null
		}));
		const ratifiers = new Map(
			commitments
				.filter((c) => !c.withAuthority)
				.map((c) => [
					c.organisationId,
					{ organisationId: c.organisationId, name: c.organisationName }
				])
		);
		return {
			id: decision.id,
			versionId: row.id,
			version: row.version,
			meetingId: decision.meetingId,
			agendaItemId: decision.agendaItemId,
			wording: row.wording,
			outcome: row.outcome,
			method: row.method,
			votes: content.votes,
			dissent: content.dissent.map((d) => ({ ...person(d.membershipId), reason: d.reason })),
			evidence: content.evidenceItemIds.map((id) => {
				const paper = paperOf.get(id);
				// Null rather than the generic name, so a page can say the paper is not shown to this reader.
				return { id, title: paper && maySeePaper(ctx, paper) ? paper.title : null };
			}),
			alternatives: row.alternatives,
			commitments,
			subjectToRatificationBy: [...ratifiers.values()],
			quorate: row.quorate,
			participants: content.participants.map(person),
			hash: row.hash,
			previousHash: row.previousHash,
			hashVerified: decisionHash(content) === row.hash,
			recordedById: row.recordedById,
			recordedByName: users.get(row.recordedById) ?? '',
			recordedAt: row.recordedAt.toISOString()
		};
	});
}
