// Partner organisations of a partnership, each with its sector and whether it is a statutory partner.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { db, transaction, type Tx } from '../platform/index.ts';
import { Invalid, NotFound } from '../platform/index.ts';
import { canManageStructure, demand, partnershipContext } from '../access/index.ts';
import { choice, Flag, parse, requiredText } from '../platform/index.ts';
import { SECTORS } from '../../vocabulary.ts';

const Sector = choice(SECTORS, 'Choose the sector the organisation belongs to');

export const CreateOrganisationInput = z.object({
	name: requiredText('the organisation’s name'),
	sector: Sector,
	statutory: Flag.optional()
});
export const UpdateOrganisationInput = CreateOrganisationInput.partial();

export const OrganisationView = z.object({
	id: z.string(),
	name: z.string(),
	sector: z.enum(Object.keys(SECTORS) as [keyof typeof SECTORS]),
	statutory: z.boolean()
});
export type OrganisationView = z.infer<typeof OrganisationView>;

const select = { id: true, name: true, sector: true, statutory: true } as const;

export async function listOrganisations(actor: Actor, slug: string): Promise<OrganisationView[]> {
	const ctx = await partnershipContext(actor, slug);
	return db().organisation.findMany({
		where: { partnershipId: ctx.partnership.id },
		select,
		orderBy: { name: 'asc' }
	});
}

export async function getOrganisation(
	actor: Actor,
	slug: string,
	organisationId: string
): Promise<OrganisationView> {
	const ctx = await partnershipContext(actor, slug);
	const found = await db().organisation.findFirst({
		where: { id: organisationId, partnershipId: ctx.partnership.id },
		select
	});
	if (!found) throw new NotFound('organisation');
	return found;
}

export async function createOrganisation(
	actor: Actor,
	slug: string,
	input: unknown
): Promise<OrganisationView> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx));
	const data = parse(CreateOrganisationInput, input);
	return transaction(async (tx) => {
		await assertNameFree(tx, ctx.partnership.id, data.name);
		const created = await tx.organisation.create({
			data: { ...data, partnershipId: ctx.partnership.id },
			select
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'Organisation',
			entityId: created.id,
			partnershipId: ctx.partnership.id,
			detail: data
		});
		return created;
	});
}

export async function updateOrganisation(
	actor: Actor,
	slug: string,
	organisationId: string,
	input: unknown
): Promise<OrganisationView> {
	const ctx = await partnershipContext(actor, slug);
	demand(canManageStructure(ctx));
	const data = parse(UpdateOrganisationInput, input);
	return transaction(async (tx) => {
		const existing = await tx.organisation.findFirst({
			where: { id: organisationId, partnershipId: ctx.partnership.id }
		});
		if (!existing) throw new NotFound('organisation');
		if (data.name && data.name !== existing.name)
			await assertNameFree(tx, ctx.partnership.id, data.name);
		const updated = await tx.organisation.update({ where: { id: organisationId }, data, select });
		await audit(tx, actor.userId, {
			action: 'updated',
			entity: 'Organisation',
			entityId: organisationId,
			partnershipId: ctx.partnership.id,
			detail: data
		});
		return updated;
	});
}

/** Checks that an organisation belongs to the partnership, for fields that refer to one. */
export async function assertOrganisationIn(
	tx: Tx,
	partnershipId: string,
	organisationId: string,
	field: string
): Promise<void> {
	const found = await tx.organisation.count({ where: { id: organisationId, partnershipId } });
	if (!found) throw new Invalid({ [field]: 'Choose one of this partnership’s organisations' });
}

async function assertNameFree(tx: Tx, partnershipId: string, name: string): Promise<void> {
	const taken = await tx.organisation.count({ where: { partnershipId, name } });
	if (taken) throw new Invalid({ name: `There is already an organisation called “${name}”` });
}
