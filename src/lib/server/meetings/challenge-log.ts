// The challenge log as people read it: each challenge with who raised it, of whom, in their words, and its
// responses, latest first; listed per meeting or per paper. Commands are in challenges.ts.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { db, type Db, type Tx } from '../platform/index.ts';
import { NotFound } from '../platform/index.ts';
import { ITEM_MESSAGE, organisationsOf, peopleOf, userNames } from './floor.ts';
import { canSeeEvidence, meetingContext, type MeetingContext } from '../access/index.ts';
import { maySeePaper, quoteFor } from '../access/index.ts';
import { parse, reference } from '../platform/index.ts';
import { ChallengeView, ResponseView } from '../../views/meetings.ts';
export { ChallengeView, ResponseView } from '../../views/meetings.ts';

type Reader = Db | Tx;

export const ChallengeFilter = z.object({
	agendaItemId: reference(ITEM_MESSAGE).optional()
});

type ChallengeRow = Awaited<ReturnType<typeof readChallenges>>[number];

export function readChallenges(reader: Reader, where: Record<string, unknown>) {
	return reader.challenge.findMany({
		where,
		include: { responses: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }]
	});
}

/** Views of challenge rows with every id named, as `ctx`'s actor may see them. */
export async function challengeViews(
	reader: Reader,
	ctx: Pick<MeetingContext, 'actor' | 'membership' | 'partnership'>,
	rows: ChallengeRow[]
): Promise<ChallengeView[]> {
	const partnershipId = ctx.partnership.id;
	const people = await peopleOf(
		reader,
		partnershipId,
		rows
			.flatMap((r) => [
				r.raisedByMembershipId,
				r.directedToMembershipId ?? [],
				r.responses.map((s) => s.respondedByMembershipId ?? [])
			])
			.flat(2)
	);
	const [users, organisations, items, papers] = await Promise.all([
		userNames(
			reader,
			rows.flatMap((r) => [r.recordedById, ...r.responses.map((s) => s.recordedById)])
		),
		organisationsOf(
			reader,
			partnershipId,
			rows.flatMap((r) => r.directedToOrganisationId ?? [])
		),
		reader.agendaItem.findMany({
			where: { id: { in: rows.map((r) => r.agendaItemId) } },
			select: { id: true, title: true }
		}),
		reader.evidenceItem.findMany({
			where: { id: { in: rows.flatMap((r) => r.evidenceItemId ?? []) } },
			select: {
				id: true,
				title: true,
				confidentiality: true,
				allowedOrganisationIds: true
			}
		})
	]);
	const titles = new Map(items.map((i) => [i.id, i.title]));
	const paperOf = new Map(papers.map((p) => [p.id, p]));
	return rows.map((row) => {
		const paper = row.evidenceItemId ? paperOf.get(row.evidenceItemId) : undefined;
		const visible = paper ? maySeePaper(ctx, paper) : false;
		const responses = row.responses.map((s): ResponseView => ({
			id: s.id,
			respondedBy: s.respondedByMembershipId
				? (people.get(s.respondedByMembershipId) ?? null)
				: null,
			text: s.text,
			status: s.status,
			effect: s.effect,
			recordedById: s.recordedById,
			recordedByName: users.get(s.recordedById) ?? '',
			createdAt: s.createdAt.toISOString()
		}));
		const latest = responses.at(-1);
		const org = row.directedToOrganisationId
			? organisations.get(row.directedToOrganisationId)
			: undefined;
		return {
			id: row.id,
			meetingId: row.meetingId,
			agendaItemId: row.agendaItemId,
			itemTitle: titles.get(row.agendaItemId) ?? '',
			raisedBy: people.get(row.raisedByMembershipId)!,
			directedToOrganisation: org ? { id: org.id, name: org.name } : null,
			directedTo: row.directedToMembershipId
				? (people.get(row.directedToMembershipId) ?? null)
				: null,
			target: row.target,
			evidenceItemId: row.evidenceItemId,
			evidenceTitle: visible ? paper!.title : null,
			quote: quoteFor(ctx, paper, row.quote),
			kind: row.kind,
			text: row.text,
			recordedById: row.recordedById,
			recordedByName: users.get(row.recordedById) ?? '',
			createdAt: row.createdAt.toISOString(),
			responses,
			status: latest?.status ?? null,
			effect: latest?.effect ?? null
		};
	});
}

export async function challengeView(reader: Reader, ctx: MeetingContext, id: string) {
	const [view] = await challengeViews(reader, ctx, await readChallenges(reader, { id }));
	return view;
}

export async function listChallenges(
	actor: Actor,
	meetingId: string,
	filter: unknown = {}
): Promise<ChallengeView[]> {
	const ctx = await meetingContext(actor, meetingId);
	const { agendaItemId } = parse(ChallengeFilter, filter);
	const rows = await readChallenges(db(), {
		meetingId,
		...(agendaItemId ? { agendaItemId } : {})
	});
	return challengeViews(db(), ctx, rows);
}

/** The challenges aimed at one paper of a meeting, for those who may see the paper. */
export async function listChallengesOnEvidence(
	actor: Actor,
	meetingId: string,
	evidenceItemId: string
): Promise<ChallengeView[]> {
	const paper = await db().evidenceItem.findUnique({ where: { id: evidenceItemId } });
	if (!paper || paper.meetingId !== meetingId) throw new NotFound('evidence item');
	const ctx = await meetingContext(actor, paper.meetingId).catch(() => {
		throw new NotFound('evidence item');
	});
	if (!canSeeEvidence(ctx, paper)) throw new NotFound('evidence item');
	return challengeViews(db(), ctx, await readChallenges(db(), { evidenceItemId }));
}
