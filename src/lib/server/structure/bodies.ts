// The partnership's bodies (board, groups, forums) and the tree of who reports to whom.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { db, transaction, type Tx } from '../platform/index.ts';
import { Invalid, NotFound } from '../platform/index.ts';
import { assertOrganisationIn } from './organisations.ts';
import { canManageStructure, demand, partnershipContext } from '../access/index.ts';
import {
	choice,
	optionalId,
	optionalText,
	parse,
	requiredText,
	wholeNumber
} from '../platform/index.ts';
import { BODY_KINDS } from '../../vocabulary.ts';

const fields = {
	name: requiredText('the body’s name'),
	kind: choice(BODY_KINDS, 'Choose what kind of body this is'),
	parentId: optionalId('Choose the body this one reports to'),
	leadOrganisationId: optionalId('Choose the lead partner'),
	remit: optionalText('the remit', 2000),
	quorum: wholeNumber('the quorum', 1, 200)
};
export const CreateBodyInput = z.object(fields);
export const UpdateBodyInput = z.object(fields).partial();

export const BodyView = z.object({
	id: z.string(),
	name: z.string(),
	kind: z.enum(Object.keys(BODY_KINDS) as [keyof typeof BODY_KINDS]),
	parentId: z.string().nullable(),
	leadOrganisationId: z.string().nullable(),
	remit: z.string(),
	quorum: z.number().nullable()
});
export type BodyView = z.infer<typeof BodyView>;

const select = {
	id: true,
	name: true,
	kind: true,
	parentId: true,
	leadOrganisationId: true,
	remit: true,
	quorum: true
} as const;

export async function listBodies(actor: Actor, slug: string): Promise<BodyView[]> {
	const ctx = await partnershipContext(actor, slug);
	return db().body.findMany({
		where: { partnershipId: ctx.partnership.id },
		select,
		orderBy: { name: 'asc' }
	});
}

export async function getBody(actor: Actor, slug: string, bodyId: string): Promise<BodyView> {
	const ctx = await partnershipContext(actor, slug);
	return bodyIn(db(), ctx.partnership.id, bodyId);
}

export async function createBody(actor: Actor, slug: string, input: unknown): Promise<BodyView> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx));
	const data = parse(CreateBodyInput, input);
	return transaction(async (tx) => {
		await assertNameFree(tx, ctx.partnership.id, data.name);
		await assertReferences(tx, ctx.partnership.id, null, data);
		const created = await tx.body.create({
			data: { ...data, partnershipId: ctx.partnership.id },
			select
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'Body',
			entityId: created.id,
			partnershipId: ctx.partnership.id,
			detail: data
		});
		return created;
	});
}

export async function updateBody(
	actor: Actor,
	slug: string,
	bodyId: string,
	input: unknown
): Promise<BodyView> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx));
	const data = parse(UpdateBodyInput, input);
	return transaction(async (tx) => {
		const existing = await tx.body.findFirst({
			where: { id: bodyId, partnershipId: ctx.partnership.id },
			select
		});
		if (!existing) throw new NotFound('body');
		if (data.name && data.name !== existing.name)
			await assertNameFree(tx, ctx.partnership.id, data.name);
		await assertReferences(tx, ctx.partnership.id, bodyId, { ...existing, ...data });
		const updated = await tx.body.update({ where: { id: bodyId }, data, select });
		await audit(tx, actor.userId, {
			action: 'updated',
			entity: 'Body',
			entityId: bodyId,
			partnershipId: ctx.partnership.id,
			detail: data
		});
		return updated;
	});
}

/** Loads a body of the partnership or throws NotFound. */
export async function bodyIn(tx: Tx, partnershipId: string, bodyId: string) {
	const body = await tx.body.findFirst({ where: { id: bodyId, partnershipId }, select });
	if (!body) throw new NotFound('body');
	return body;
}

async function assertNameFree(tx: Tx, partnershipId: string, name: string): Promise<void> {
	if (await tx.body.count({ where: { partnershipId, name } }))
		throw new Invalid({ name: `There is already a body called “${name}”` });
}

async function assertReferences(
	tx: Tx,
	partnershipId: string,
	bodyId: string | null,
	body: { kind?: string; parentId?: string | null; leadOrganisationId?: string | null }
): Promise<void> {
	if (body.kind === 'THEME_GROUP' && !body.leadOrganisationId)
		throw new Invalid({ leadOrganisationId: 'Choose the partner that leads this theme group' });
	if (body.leadOrganisationId)
		await assertOrganisationIn(tx, partnershipId, body.leadOrganisationId, 'leadOrganisationId');
	if (body.parentId) await assertParentAllowed(tx, partnershipId, bodyId, body.parentId);
}

/** The parent must be a body of the same partnership, and not the body itself or one reporting to it. */
async function assertParentAllowed(
	tx: Tx,
	partnershipId: string,
	bodyId: string | null,
	parentId: string
): Promise<void> {
	const bodies = await tx.body.findMany({
		where: { partnershipId },
		select: { id: true, parentId: true }
	});
	const parentOf = new Map(bodies.map((b) => [b.id, b.parentId]));
	if (!parentOf.has(parentId))
		throw new Invalid({ parentId: 'Choose one of this partnership’s bodies' });
	for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
		if (at === bodyId)
			throw new Invalid({
				parentId: 'A body cannot report to itself or to a body that reports to it'
			});
	}
}
