// Editing a risk after it is defined: an officer rewords its title or what it is, or changes the outcomes,
// decisions and actions it is linked to. Each edit is a new version of its wording and links (append-only,
// the latest is current), so what the register said before stays on the risk's page.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { demand, isOfficer } from '../access/index.ts';
import {
	Invalid,
	audit,
	now,
	parse,
	requiredText,
	transaction,
	type Tx
} from '../platform/index.ts';
import { checkLinks, riskLinks, type RiskLinks } from './risks.ts';
import { changesBetween } from './risk-versions.ts';
import { riskContext, riskViews, type RiskView } from './risk-views.ts';

/** What to change; what is left out stays as it is. A list given replaces the links of its kind. */
export const EditRiskInput = z.object({
	title: requiredText('the risk’s title', 200).optional(),
	description: requiredText('what the risk is', 4000, { multiline: true }).optional(),
	outcomeIds: riskLinks('outcomes').optional(),
	decisionIds: riskLinks('decisions').optional(),
	actionIds: riskLinks('actions').optional()
});

const NO_RIGHT = 'Only the secretariat and admins edit risks.';
const UNCHANGED =
	'Nothing has changed: change the title, what the risk is, or what it is linked to.';

export async function editRisk(actor: Actor, riskId: string, input: unknown): Promise<RiskView> {
	const { ctx } = await riskContext(actor, riskId);
	demand(isOfficer(ctx), NO_RIGHT);
	const data = parse(EditRiskInput, input);
	const partnershipId = ctx.partnership.id;
	await transaction(async (tx) => {
		// One edit of a risk at a time, so each version follows the one it was compared with.
		await tx.$queryRaw`SELECT 1 FROM "Risk" WHERE "id" = ${riskId} FOR UPDATE`;
		const before = await standing(tx, riskId);
		const links = await checkLinks(tx, partnershipId, {
			outcomeIds: data.outcomeIds ?? before.outcomeIds,
			decisionIds: data.decisionIds ?? before.decisionIds,
			actionIds: data.actionIds ?? before.actionIds
		});
		const after = {
			title: data.title ?? before.title,
			description: data.description ?? before.description,
			...links
		};
		const changes = changesBetween(before, after, { outcome: asId, decision: asId, action: asId });
		if (!changes.length) throw new Invalid({}, UNCHANGED);
		if (
			after.title !== before.title &&
			(await tx.risk.count({ where: { partnershipId, title: after.title, id: { not: riskId } } }))
		)
			throw new Invalid({ title: 'The register already has a risk of that title' });
		await tx.risk.update({
			where: { id: riskId },
			data: { title: after.title, description: after.description }
		});
		await relink(tx, riskId, before, after);
		const version = await nextVersion(tx, riskId, before);
		await tx.riskVersion.create({
			data: { riskId, version, ...after, recordedById: actor.userId, recordedAt: now() }
		});
		await audit(tx, actor.userId, {
			action: 'edited',
			entity: 'Risk',
			entityId: riskId,
			partnershipId,
			detail: { version, changes }
		});
	});
	return (await riskViews(ctx, { id: riskId }))[0];
}

/** The audit names linked records by id. */
const asId = (x: string) => x;

/** The risk's wording and links as they stand. */
async function standing(tx: Tx, riskId: string) {
	const risk = await tx.risk.findUniqueOrThrow({
		where: { id: riskId },
		include: { outcomes: true, decisions: true, actions: true }
	});
	return {
		title: risk.title,
		description: risk.description,
		outcomeIds: risk.outcomes.map((o) => o.outcomeId),
		decisionIds: risk.decisions.map((d) => d.decisionId),
		actionIds: risk.actions.map((a) => a.actionId),
		createdById: risk.createdById,
		createdAt: risk.createdAt
	};
}

/** The risk's links made to match `after`: those taken away removed, those added made. */
async function relink(tx: Tx, riskId: string, before: RiskLinks, after: RiskLinks) {
	const only = (ids: string[], not: string[]) => ids.filter((x) => !not.includes(x));
	const [outcomes, decisions, actions] = [
		[before.outcomeIds, after.outcomeIds],
		[before.decisionIds, after.decisionIds],
		[before.actionIds, after.actionIds]
	].map(([was, now]) => ({ gone: only(was, now), added: only(now, was) }));
	await tx.riskOutcome.deleteMany({ where: { riskId, outcomeId: { in: outcomes.gone } } });
	await tx.riskDecision.deleteMany({ where: { riskId, decisionId: { in: decisions.gone } } });
	await tx.riskAction.deleteMany({ where: { riskId, actionId: { in: actions.gone } } });
	await tx.riskOutcome.createMany({
		data: outcomes.added.map((outcomeId) => ({ riskId, outcomeId }))
	});
	await tx.riskDecision.createMany({
		data: decisions.added.map((decisionId) => ({ riskId, decisionId }))
	});
	await tx.riskAction.createMany({ data: actions.added.map((actionId) => ({ riskId, actionId })) });
}

/**
 * The number of the version an edit makes. A risk with no versions yet (written straight to the database)
 * first gets its version 1 from how it stands, so the wording it had is kept.
 */
async function nextVersion(tx: Tx, riskId: string, before: Awaited<ReturnType<typeof standing>>) {
	const latest = await tx.riskVersion.findFirst({
		where: { riskId },
		orderBy: { version: 'desc' },
		select: { version: true }
	});
	if (latest) return latest.version + 1;
	const { createdById, createdAt, ...wording } = before;
	await tx.riskVersion.create({
		data: { riskId, version: 1, ...wording, recordedById: createdById, recordedAt: createdAt }
	});
	return 2;
}
