// How a recorded decision version reads: every id named, the organisations it is subject to ratification
// by, and whether its stored hash still matches its content.
import type { Db, Tx } from '../platform/index.ts';
import { decisionHash, type VersionContent } from './hash.ts';
import { organisationsOf, peopleOf, userNames } from '../meetings/index.ts';
import type { PartnershipContext } from '../access/index.ts';
import { maySeePaper } from '../access/index.ts';
import { DecisionVersionView } from '../../views/decisions.ts';
export { Votes, DecisionVersionView } from '../../views/decisions.ts';

type Reader = Db | Tx;

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

/** The columns of a stored version, and its dissent, evidence and commitments, that its hash covers. */
export type HashedVersion = Pick<
	VersionRow,
	| 'decisionId'
	| 'version'
	| 'wording'
	| 'outcome'
	| 'method'
	| 'votesFor'
	| 'votesAgainst'
	| 'votesAbstained'
	| 'alternatives'
	| 'quorate'
	| 'participants'
	| 'recordedById'
	| 'recordedAt'
	| 'previousHash'
	| 'dissent'
	| 'evidence'
	| 'commitments'
>;

/** What the hash covers, read back from a stored version. */
export function contentOf(row: HashedVersion): VersionContent {
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
		participants: row.participants as string[],
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
