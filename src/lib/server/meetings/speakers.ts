// The speaker queue: members ask to speak on an item (or the officer or chair adds them), the chair calls
// the next speaker, each turn is typed and timed. A turn is a Contribution: waiting until started, speaking
// until ended, or cancelled before it began.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction, type Tx } from '../platform/index.ts';
import { Conflict, Invalid, NotFound } from '../platform/index.ts';
import { publishMeetingChange } from './meeting-events.ts';
import { actingFor, agendaItemOf, floorOf, ITEM_MESSAGE, requireStatus } from './floor.ts';
import { demand } from '../access/index.ts';
import { currentDeclarations, readRoll } from './roll-and-quorum.ts';
import { choice, optionalId, optionalText, parse } from '../platform/index.ts';
import { CONTRIBUTION_TYPES } from '../../vocabulary.ts';
import { TurnView, SpeakersView } from '../../views/meetings.ts';
export { TurnView, SpeakersView } from '../../views/meetings.ts';

const TYPE_MESSAGE =
	'Choose contribution, question, challenge, response, proposal or point of order';
const contributionType = choice(CONTRIBUTION_TYPES, TYPE_MESSAGE);

export const RequestToSpeakInput = z.object({
	membershipId: optionalId('Choose a member of this partnership'),
	/** Left out: the item the meeting is on now. */
	agendaItemId: optionalId(ITEM_MESSAGE),
	type: contributionType.nullish().transform((v) => v ?? 'CONTRIBUTION')
});
export const StartTurnInput = z.object({ type: contributionType.nullish() });
export const EndTurnInput = z.object({ summary: optionalText('the summary', 4000) });

export async function getSpeakers(actor: Actor, meetingId: string): Promise<SpeakersView> {
	await floorOf(actor, meetingId);
	return readSpeakers(meetingId);
}

export async function requestToSpeak(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<TurnView> {
	const floor = await floorOf(actor, meetingId);
	const { ctx, rights, meeting } = floor;
	const addsOthers = rights.run || rights.recordForOthers;
	demand(rights.takePart || addsOthers, 'Only members seated on this body ask to speak.');
	const data = parse(RequestToSpeakInput, input);
	const membershipId = actingFor(
		floor,
		data.membershipId,
		addsOthers,
		'You can ask to speak only for yourself.'
	);
	requireStatus(meeting, ['IN_PROGRESS'], 'Speakers queue while the meeting is in progress');
	const id = await transaction(async (tx) => {
		const agendaItemId = data.agendaItemId ?? meeting.currentItemId;
		if (!agendaItemId) throw new Invalid({ agendaItemId: ITEM_MESSAGE });
		await agendaItemOf(tx, meetingId, agendaItemId);
		await mayBeHeard(tx, meeting, ctx.partnership.id, membershipId, agendaItemId);
		const waiting = await tx.contribution.count({
			where: { meetingId, agendaItemId, membershipId, startedAt: null, cancelledAt: null }
		});
		if (waiting) throw new Conflict('They are already waiting to speak on this item.');
		const row = await tx.contribution.create({
			data: {
				meetingId,
				agendaItemId,
				membershipId,
				type: data.type,
				requestedById: actor.userId,
				requestedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'speaker_requested',
			entity: 'Contribution',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, agendaItemId, membershipId, type: data.type }
		});
		return row.id;
	});
	publishMeetingChange(meetingId, 'queue');
	return turnOf(meetingId, id);
}

/** Someone speaks only if they are here, and not on an item they withdrew from under a declaration. */
async function mayBeHeard(
	tx: Tx,
	meeting: { id: string; bodyId: string; startsAt: Date },
	partnershipId: string,
	membershipId: string,
	agendaItemId: string
) {
	const entry = (await readRoll(tx, meeting)).find((e) => e.membershipId === membershipId);
	if (!entry) {
		const known = await tx.membership.count({ where: { id: membershipId, partnershipId } });
		if (!known) throw new Invalid({ membershipId: 'Choose a member of this partnership' });
	}
	if (!entry?.here) {
		const name = entry?.name ?? 'This member';
		throw new Invalid({ membershipId: `${name} is not recorded as present` });
	}
	const declared = (await currentDeclarations(tx, meeting.id)).get(
		`${agendaItemId}:${membershipId}`
	);
	if (declared?.action === 'WITHDREW') {
		throw new Invalid({
			membershipId: `${entry.name} withdrew from this item after declaring an interest`
		});
	}
}

/** The chair calls a waiting speaker; whoever was speaking finishes at that moment. */
export async function startTurn(actor: Actor, contributionId: string, input: unknown = {}) {
	const { floor, turn } = await turnContext(actor, contributionId);
	demand(floor.rights.run, 'Only the chair, the vice-chair and the secretariat call speakers.');
	const data = parse(StartTurnInput, input);
	requireStatus(
		floor.meeting,
		['IN_PROGRESS'],
		'Speakers are called while the meeting is in progress'
	);
	await transaction(async (tx) => {
		const at = now();
		const speaking = await tx.contribution.findMany({
			where: {
				meetingId: turn.meetingId,
				startedAt: { not: null },
				endedAt: null,
				cancelledAt: null
			},
			select: { id: true }
		});
		for (const previous of speaking) {
			await tx.contribution.update({ where: { id: previous.id }, data: { endedAt: at } });
			await audit(tx, actor.userId, {
				action: 'turn_ended',
				entity: 'Contribution',
				entityId: previous.id,
				partnershipId: floor.ctx.partnership.id,
				detail: { at: at.toISOString(), by: 'next speaker called' }
			});
		}
		const { count } = await tx.contribution.updateMany({
			where: { id: contributionId, startedAt: null, cancelledAt: null },
			data: { startedAt: at, ...(data.type ? { type: data.type } : {}) }
		});
		if (!count) throw new Conflict('Only someone waiting in the queue can be called.');
		await audit(tx, actor.userId, {
			action: 'turn_started',
			entity: 'Contribution',
			entityId: contributionId,
			partnershipId: floor.ctx.partnership.id,
			detail: { at: at.toISOString(), type: data.type ?? turn.type }
		});
	});
	publishMeetingChange(turn.meetingId, 'queue');
	return turnOf(turn.meetingId, contributionId);
}

/** Ends a turn in progress, with a short note of what was said if the recorder gives one. */
export async function endTurn(actor: Actor, contributionId: string, input: unknown = {}) {
	const { floor, turn } = await turnContext(actor, contributionId);
	const { rights, ctx } = floor;
	demand(
		rights.run || rights.recordForOthers || ctx.membership.id === turn.membershipId,
		'Only the chair, the secretariat or the speaker end a turn.'
	);
	const data = parse(EndTurnInput, input);
	await transaction(async (tx) => {
		const at = now();
		const { count } = await tx.contribution.updateMany({
			where: { id: contributionId, startedAt: { not: null }, endedAt: null, cancelledAt: null },
			data: { endedAt: at, ...(data.summary ? { summary: data.summary } : {}) }
		});
		if (!count) throw new Conflict('Only a turn in progress can be ended.');
		await audit(tx, actor.userId, {
			action: 'turn_ended',
			entity: 'Contribution',
			entityId: contributionId,
			partnershipId: ctx.partnership.id,
			detail: { at: at.toISOString(), summary: data.summary ?? '' }
		});
	});
	publishMeetingChange(turn.meetingId, 'queue');
	return turnOf(turn.meetingId, contributionId);
}

/** Takes a waiting request out of the queue. */
export async function cancelRequest(actor: Actor, contributionId: string) {
	const { floor, turn } = await turnContext(actor, contributionId);
	const { rights, ctx } = floor;
	demand(
		rights.run || rights.recordForOthers || ctx.membership.id === turn.membershipId,
		'Only the chair, the secretariat or the person queued cancel a request to speak.'
	);
	await transaction(async (tx) => {
		const { count } = await tx.contribution.updateMany({
			where: { id: contributionId, startedAt: null, cancelledAt: null },
			data: { cancelledAt: now() }
		});
		if (!count) throw new Conflict('Only a request still waiting in the queue can be cancelled.');
		await audit(tx, actor.userId, {
			action: 'speaker_cancelled',
			entity: 'Contribution',
			entityId: contributionId,
			partnershipId: ctx.partnership.id,
			detail: { meetingId: turn.meetingId }
		});
	});
	publishMeetingChange(turn.meetingId, 'queue');
	return turnOf(turn.meetingId, contributionId);
}

async function turnContext(actor: Actor, contributionId: string) {
	const turn = await db().contribution.findUnique({
		where: { id: contributionId },
		select: { meetingId: true, membershipId: true, type: true }
	});
	if (!turn) throw new NotFound('request to speak');
	const floor = await floorOf(actor, turn.meetingId).catch((error) => {
		throw error instanceof NotFound ? new NotFound('request to speak') : error;
	});
	return { floor, turn };
}

const include = {
	membership: {
		select: {
			organisationId: true,
			user: { select: { name: true } },
			organisation: { select: { name: true, sector: true } }
		}
	}
} as const;

async function readTurns(meetingId: string, where: { id?: string } = {}): Promise<TurnView[]> {
	const rows = await db().contribution.findMany({
		where: { meetingId, ...where },
		include,
		orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }]
	});
	const items = await db().agendaItem.findMany({
		where: { meetingId },
		select: { id: true, title: true }
	});
	const titleOf = new Map(items.map((item) => [item.id, item.title]));
	const now = Date.now();
	return rows
		.filter((row) => !row.cancelledAt || where.id)
		.map((row) => ({
			id: row.id,
			agendaItemId: row.agendaItemId,
			agendaItemTitle: titleOf.get(row.agendaItemId) ?? '',
			membershipId: row.membershipId,
			name: row.membership.user.name,
			organisationId: row.membership.organisationId,
			organisationName: row.membership.organisation.name,
			sector: row.membership.organisation.sector,
			type: row.type,
			summary: row.summary,
			requestedById: row.requestedById,
			requestedAt: row.requestedAt.toISOString(),
			startedAt: row.startedAt?.toISOString() ?? null,
			endedAt: row.endedAt?.toISOString() ?? null,
			cancelledAt: row.cancelledAt?.toISOString() ?? null,
			seconds: row.startedAt
				? Math.round(((row.endedAt?.getTime() ?? now) - row.startedAt.getTime()) / 1000)
				: null
		}));
}

async function turnOf(meetingId: string, id: string): Promise<TurnView> {
	const [turn] = await readTurns(meetingId, { id });
	return turn;
}

/** The queue, the speaker and the turns taken, with no question of rights: callers ask those first. */
export async function readSpeakers(meetingId: string): Promise<SpeakersView> {
	const all = await readTurns(meetingId);
	const byStart = (a: TurnView, b: TurnView) =>
		(a.startedAt ?? '').localeCompare(b.startedAt ?? '') || a.id.localeCompare(b.id);
	return {
		queue: all.filter((turn) => !turn.startedAt),
		speaking: all.find((turn) => turn.startedAt && !turn.endedAt) ?? null,
		turns: all.filter((turn) => turn.endedAt).sort(byStart)
	};
}
