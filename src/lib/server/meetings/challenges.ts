// The challenge log: who challenged what, of whom, in their words, and the responses (the latest is the
// current answer). Challenges and responses are only ever added; the database refuses changes.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Invalid, NotFound } from '../platform/index.ts';
import { publishMeetingChange } from './meeting-events.ts';
import {
	actingFor,
	agendaItemOf,
	demandInProgress,
	fail,
	ITEM_MESSAGE,
	organisationsOf,
	peopleOf,
	PersonView,
	userNames
} from './floor.ts';
import {
	canSeeEvidence,
	demand,
	meetingContext,
	meetingRights,
	type MeetingContext
} from '../access/index.ts';
import { maySeePaper, quoteFor } from '../access/index.ts';
import { readRoll } from './roll-and-quorum.ts';
import {
	choice,
	optionalId,
	optionalText,
	parse,
	reference,
	requiredText
} from '../platform/index.ts';
import {
	CHALLENGE_KINDS,
	CHALLENGE_TARGETS,
	DECISION_EFFECTS,
	RESPONSE_STATUSES,
	type ChallengeKind,
	type ChallengeTarget,
	type DecisionEffect,
	type ResponseStatus
} from '../../vocabulary.ts';

type Reader = Db | Tx;

export const RaiseChallengeInput = z.object({
	agendaItemId: reference(ITEM_MESSAGE),
	raisedByMembershipId: optionalId('Choose who raised the challenge'),
	directedToOrganisationId: optionalId('Choose the organisation the challenge is put to'),
	directedToMembershipId: optionalId('Choose the person the challenge is put to'),
	target: choice(CHALLENGE_TARGETS, 'Choose what is challenged').nullish(),
	kind: choice(CHALLENGE_KINDS, 'Choose what kind of challenge this is'),
	text: requiredText('the challenge in the words used', 4000),
	evidenceItemId: optionalId('Choose a paper of this meeting'),
	quote: optionalText('the quoted passage', 2000)
});

export const RespondToChallengeInput = z.object({
	respondedByMembershipId: optionalId('Choose who responded'),
	text: requiredText('the response', 4000),
	status: choice(RESPONSE_STATUSES, 'Choose how far the challenge was answered'),
	effect: choice(DECISION_EFFECTS, 'Choose the effect on the decision')
		.nullish()
		.transform((v) => v ?? 'NONE')
});

const Named = z.object({ id: z.string(), name: z.string() });

export const ResponseView = z.object({
	id: z.string(),
	respondedBy: PersonView.nullable(),
	text: z.string(),
	status: z.enum(Object.keys(RESPONSE_STATUSES) as [ResponseStatus]),
	effect: z.enum(Object.keys(DECISION_EFFECTS) as [DecisionEffect]),
	recordedById: z.string(),
	recordedByName: z.string(),
	createdAt: z.iso.datetime()
});
export type ResponseView = z.infer<typeof ResponseView>;

export const ChallengeView = z.object({
	id: z.string(),
	meetingId: z.string(),
	agendaItemId: z.string(),
	itemTitle: z.string(),
	raisedBy: PersonView,
	directedToOrganisation: Named.nullable(),
	directedTo: PersonView.nullable(),
	target: z.enum(Object.keys(CHALLENGE_TARGETS) as [ChallengeTarget]),
	evidenceItemId: z.string().nullable(),
	/** Null when the paper is restricted and the caller may not see it (its quote is then left out too). */
	evidenceTitle: z.string().nullable(),
	quote: z.string(),
	kind: z.enum(Object.keys(CHALLENGE_KINDS) as [ChallengeKind]),
	text: z.string(),
	recordedById: z.string(),
	recordedByName: z.string(),
	createdAt: z.iso.datetime(),
	/** Oldest first; the last is the current answer. */
	responses: z.array(ResponseView),
	/** The latest response's status, or null while unanswered. */
	status: z.enum(Object.keys(RESPONSE_STATUSES) as [ResponseStatus]).nullable(),
	effect: z.enum(Object.keys(DECISION_EFFECTS) as [DecisionEffect]).nullable()
});
export type ChallengeView = z.infer<typeof ChallengeView>;

export const ChallengeFilter = z.object({
	agendaItemId: reference(ITEM_MESSAGE).optional()
});

type ChallengeRow = Awaited<ReturnType<typeof readChallenges>>[number];

function readChallenges(reader: Reader, where: Record<string, unknown>) {
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

async function challengeView(reader: Reader, ctx: MeetingContext, id: string) {
	const [view] = await challengeViews(reader, ctx, await readChallenges(reader, { id }));
	return view;
}

export async function raiseChallenge(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<ChallengeView> {
	const ctx = await meetingContext(actor, meetingId);
	const rights = await meetingRights(ctx);
	demand(
		rights.takePart || rights.recordForOthers,
		'Only members of this body and the secretariat can raise challenges.'
	);
	const data = parse(RaiseChallengeInput, input);
	const raisedBy = actingFor({ ctx }, data.raisedByMembershipId, rights.recordForOthers);
	demandInProgress(ctx, 'Challenges');
	const created = await transaction(async (tx) => {
		await agendaItemOf(tx, meetingId, data.agendaItemId);
		const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
		const roll = await readRoll(tx, meeting);
		const fields: Record<string, string> = {};
		if (!roll.some((entry) => entry.membershipId === raisedBy && entry.here))
			fields.raisedByMembershipId =
				raisedBy === ctx.membership.id
					? 'You are not recorded as present at this meeting'
					: 'Choose someone recorded as present at this meeting';
		let directedToOrganisationId = data.directedToOrganisationId ?? null;
		if (data.directedToMembershipId) {
			const person = (await peopleOf(tx, ctx.partnership.id, [data.directedToMembershipId])).get(
				data.directedToMembershipId
			);
			if (!person) fields.directedToMembershipId = 'Choose a member of this partnership';
			else directedToOrganisationId ??= person.organisationId;
		}
		if (
			data.directedToOrganisationId &&
			!(await organisationsOf(tx, ctx.partnership.id, [data.directedToOrganisationId])).size
		)
			fields.directedToOrganisationId = 'Choose one of this partnership’s organisations';
		let target: ChallengeTarget = data.target ?? 'DECISION';
		if (data.evidenceItemId) {
			target = 'EVIDENCE';
			const paper = await tx.evidenceItem.findFirst({
				where: { id: data.evidenceItemId, meetingId, withdrawn: false }
			});
			if (!paper || !canSeeEvidence(ctx, paper))
				fields.evidenceItemId = 'Choose a paper in this meeting’s pack';
		} else if (target === 'EVIDENCE') {
			fields.evidenceItemId = 'Choose the paper challenged';
		}
		if (data.quote && !data.evidenceItemId)
			fields.quote = 'A quoted passage needs the paper it is quoted from';
		fail(fields);
		const row = await tx.challenge.create({
			data: {
				meetingId,
				agendaItemId: data.agendaItemId,
				raisedByMembershipId: raisedBy,
				directedToOrganisationId,
				directedToMembershipId: data.directedToMembershipId ?? null,
				target,
				evidenceItemId: data.evidenceItemId ?? null,
				quote: data.quote ?? '',
				kind: data.kind,
				text: data.text,
				recordedById: actor.userId,
				createdAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'raised',
			entity: 'Challenge',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, ...data, raisedByMembershipId: raisedBy, target }
		});
		return challengeView(tx, ctx, row.id);
	});
	publishMeetingChange(meetingId, 'challenge');
	return created;
}

export async function respondToChallenge(
	actor: Actor,
	challengeId: string,
	input: unknown
): Promise<ChallengeView> {
	const challenge = await db().challenge.findUnique({
		where: { id: challengeId },
		select: { meetingId: true }
	});
	if (!challenge) throw new NotFound('challenge');
	const ctx = await meetingContext(actor, challenge.meetingId).catch(() => {
		throw new NotFound('challenge');
	});
	const rights = await meetingRights(ctx);
	demand(
		rights.takePart || rights.recordForOthers,
		'Only members of this body and the secretariat can record responses.'
	);
	const data = parse(RespondToChallengeInput, input);
	const respondedBy = actingFor({ ctx }, data.respondedByMembershipId, rights.recordForOthers);
	// A response may also come in writing after the meeting, until its minutes are approved.
	if (ctx.meeting.status !== 'IN_PROGRESS' && ctx.meeting.status !== 'CLOSED')
		throw new Conflict(
			'Responses are recorded while the meeting runs or before its minutes are approved.'
		);
	const updated = await transaction(async (tx) => {
		if (!(await peopleOf(tx, ctx.partnership.id, [respondedBy])).size)
			throw new Invalid({ respondedByMembershipId: 'Choose a member of this partnership' });
		const row = await tx.challengeResponse.create({
			data: {
				challengeId,
				respondedByMembershipId: respondedBy,
				text: data.text,
				status: data.status,
				effect: data.effect,
				recordedById: actor.userId,
				createdAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'responded',
			entity: 'ChallengeResponse',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { challengeId, ...data, respondedByMembershipId: respondedBy }
		});
		return challengeView(tx, ctx, challengeId);
	});
	publishMeetingChange(challenge.meetingId, 'challenge');
	return updated;
}

/** A meeting's challenges in the order raised, optionally those on one item only. */
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
