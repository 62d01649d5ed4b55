// Schemes of delegation: what each body may decide on its own, the most money it may commit by one
// decision, and the matters it must refer to its parent body. Officers write them; each change is a new
// version (append-only), so the record shows which scheme stood when a decision was taken.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { bodyContext, demand, mayWriteDelegationScheme } from '../access/index.ts';
import {
	audit,
	db,
	now,
	parse,
	requiredText,
	transaction,
	wholeNumber,
	type Db,
	type Tx
} from '../platform/index.ts';

/** The most a scheme can set as a limit: a billion pounds, well inside the database's integer. */
export const MOST_POUNDS = 1_000_000_000;

export const WriteDelegationSchemeInput = z.object({
	mayDecide: requiredText('what the body may decide', 4000),
	financialLimitPounds: wholeNumber('the financial limit in pounds', 0, MOST_POUNDS),
	reservedMatters: z
		.array(requiredText('each reserved matter', 300), { error: 'List the reserved matters' })
		.max(30, 'List at most 30 reserved matters')
		.default([])
		.refine(
			(matters) => new Set(matters).size === matters.length,
			'A reserved matter is listed twice'
		)
});

const SchemeVersionView = z.object({
	id: z.string(),
	version: z.number(),
	mayDecide: z.string(),
	/** Null: no money limit is set. */
	financialLimitPounds: z.number().nullable(),
	reservedMatters: z.array(z.string()),
	writtenByName: z.string(),
	writtenAt: z.iso.datetime()
});
export type SchemeVersionView = z.infer<typeof SchemeVersionView>;

export const DelegationSchemeView = z.object({
	bodyId: z.string(),
	bodyName: z.string(),
	/** The body it refers reserved matters to; null for the board, which answers to the partners. */
	parent: z.object({ id: z.string(), name: z.string() }).nullable(),
	/** Null while no scheme is written. */
	current: SchemeVersionView.nullable(),
	/** Earlier versions, newest first. */
	earlier: z.array(SchemeVersionView)
});
export type DelegationSchemeView = z.infer<typeof DelegationSchemeView>;

/** The scheme version in force for a body now, or null if none is written. */
export async function currentSchemeOf(reader: Db | Tx, bodyId: string) {
	return reader.delegationScheme.findFirst({ where: { bodyId }, orderBy: { version: 'desc' } });
}

export async function delegationScheme(
	actor: Actor,
	bodyId: string
): Promise<DelegationSchemeView> {
	const { body } = await bodyContext(actor, bodyId);
	const [versions, parent] = await Promise.all([
		db().delegationScheme.findMany({ where: { bodyId }, orderBy: { version: 'desc' } }),
		body.parentId
			? db().body.findUnique({ where: { id: body.parentId }, select: { id: true, name: true } })
			: null
	]);
	const writers = new Map(
		(
			await db().user.findMany({
				where: { id: { in: versions.map((v) => v.writtenById) } },
				select: { id: true, name: true }
			})
		).map((u) => [u.id, u.name])
	);
	const views = versions.map((v) => ({
		id: v.id,
		version: v.version,
		mayDecide: v.mayDecide,
		financialLimitPounds: v.financialLimitPounds,
		reservedMatters: v.reservedMatters,
		writtenByName: writers.get(v.writtenById) ?? '',
		writtenAt: v.writtenAt.toISOString()
	}));
	return {
		bodyId: body.id,
		bodyName: body.name,
		parent,
		current: views[0] ?? null,
		earlier: views.slice(1)
	};
}

/** Writes the body's scheme as its next version (officers); earlier versions stay as they were. */
export async function writeDelegationScheme(
	actor: Actor,
	bodyId: string,
	input: unknown
): Promise<DelegationSchemeView> {
	const { ctx } = await bodyContext(actor, bodyId);
	demand(mayWriteDelegationScheme(ctx), 'Only officers write a body’s scheme of delegation.');
	const data = parse(WriteDelegationSchemeInput, input);
	await transaction(async (tx) => {
		const latest = await currentSchemeOf(tx, bodyId);
		const created = await tx.delegationScheme.create({
			data: {
				bodyId,
				version: (latest?.version ?? 0) + 1,
				mayDecide: data.mayDecide,
				financialLimitPounds: data.financialLimitPounds ?? null,
				reservedMatters: data.reservedMatters,
				writtenById: actor.userId,
				writtenAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'delegation_scheme_written',
			entity: 'Body',
			entityId: bodyId,
			partnershipId: ctx.partnership.id,
			detail: { version: created.version, ...data }
		});
	});
	return delegationScheme(actor, bodyId);
}
