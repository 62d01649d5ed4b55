// Declarations of interest: a member declares an interest in an agenda item (its nature, and whether they
// withdraw, take no part in the decision, or remain), or the secretariat records one they made aloud.
// Declarations are never changed (the database refuses updates): a later one supersedes the earlier.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction } from '../platform/index.ts';
import { publishMeetingChange } from './meeting-events.ts';
import {
	actingFor,
	agendaItemOf,
	BEFORE_AND_DURING,
	floorOf,
	ITEM_MESSAGE,
	personIn,
	requireStatus
} from './floor.ts';
import { demand } from '../access/index.ts';
import { choice, optionalId, parse, reference, requiredText } from '../platform/index.ts';
import { DECLARATION_ACTIONS } from '../../vocabulary.ts';
import { DeclarationView } from '../../views/meetings.ts';
export { DeclarationView } from '../../views/meetings.ts';

export const DeclareInterestInput = z.object({
	agendaItemId: reference(ITEM_MESSAGE),
	membershipId: optionalId('Choose a member of this partnership'),
	nature: requiredText('the nature of the interest', 2000),
	action: choice(
		DECLARATION_ACTIONS,
		'Choose whether they withdraw, take no part in the decision, or remain'
	)
});

export async function declareInterest(
	actor: Actor,
	meetingId: string,
	input: unknown
): Promise<DeclarationView> {
	const floor = await floorOf(actor, meetingId);
	const { ctx, rights, meeting } = floor;
	demand(
		rights.takePart || rights.recordForOthers,
		'Only members seated on this body declare interests.'
	);
	const data = parse(DeclareInterestInput, input);
	const membershipId = actingFor(
		floor,
		data.membershipId,
		rights.recordForOthers,
		'You can declare only your own interests.'
	);
	requireStatus(
		meeting,
		BEFORE_AND_DURING,
		'Interests are declared once the agenda is issued and until the meeting closes'
	);
	const id = await transaction(async (tx) => {
		await agendaItemOf(tx, meetingId, data.agendaItemId);
		await personIn(tx, ctx.partnership.id, membershipId);
		const row = await tx.declaration.create({
			data: {
				meetingId,
				agendaItemId: data.agendaItemId,
				membershipId,
				nature: data.nature,
				action: data.action,
				recordedById: actor.userId,
				createdAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'interest_declared',
			entity: 'Declaration',
			entityId: row.id,
			partnershipId: ctx.partnership.id,
			detail: { meetingId, agendaItemId: data.agendaItemId, membershipId, action: data.action }
		});
		return row.id;
	});
	publishMeetingChange(meetingId, 'declaration');
	const views = await readDeclarations(meetingId);
	return views.find((view) => view.id === id)!;
}

/** The meeting's declarations in the order made: the current ones, or with `history` every one. */
export async function listDeclarations(
	actor: Actor,
	meetingId: string,
	options: { history?: boolean } = {}
): Promise<DeclarationView[]> {
	await floorOf(actor, meetingId);
	const views = await readDeclarations(meetingId);
	return options.history ? views : views.filter((view) => view.current);
}

async function readDeclarations(meetingId: string): Promise<DeclarationView[]> {
	const rows = await db().declaration.findMany({
		where: { meetingId },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
		include: {
			membership: {
				select: {
					organisationId: true,
					user: { select: { name: true } },
					organisation: { select: { name: true } }
				}
			}
		}
	});
	const [items, recorders] = await Promise.all([
		db().agendaItem.findMany({
			where: { id: { in: [...new Set(rows.map((row) => row.agendaItemId))] } },
			select: { id: true, title: true }
		}),
		db().user.findMany({
			where: { id: { in: [...new Set(rows.map((row) => row.recordedById))] } },
			select: { id: true, name: true }
		})
	]);
	const titleOf = new Map(items.map((item) => [item.id, item.title]));
	const nameOf = new Map(recorders.map((user) => [user.id, user.name]));
	const latest = new Map<string, string>();
	for (const row of rows) latest.set(`${row.agendaItemId}:${row.membershipId}`, row.id);
	return rows.map((row) => ({
		id: row.id,
		meetingId: row.meetingId,
		agendaItemId: row.agendaItemId,
		agendaItemTitle: titleOf.get(row.agendaItemId) ?? '',
		membershipId: row.membershipId,
		name: row.membership.user.name,
		organisationId: row.membership.organisationId,
		organisationName: row.membership.organisation.name,
		nature: row.nature,
		action: row.action,
		recordedById: row.recordedById,
		recordedByName: nameOf.get(row.recordedById) ?? '',
		createdAt: row.createdAt.toISOString(),
		current: latest.get(`${row.agendaItemId}:${row.membershipId}`) === row.id
	}));
}
