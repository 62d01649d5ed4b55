// The joint risk register: risks to what the partnership has set out to do, each owned by one partner,
// scored likelihood × impact on a 5×5 scale and linked to the outcomes, decisions and actions they bear on.
// A risk's scores, controls and status are its reviews (risk-review.ts): the first is the assessment made
// when an officer defines it, and the latest is current. Every member of the partnership reads the register.
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { demand, isOfficer, partnershipContext } from '../access/index.ts';
import {
	Invalid,
	audit,
	db,
	isoDate,
	now,
	parse,
	reference,
	requiredText,
	transaction,
	wholeNumber
} from '../platform/index.ts';
import { dayInUk } from '../../dates.ts';
import { riskScore } from '../../risk-bands.ts';
import { atDay, decisionNames, riskContext, riskViews, type RiskView } from './risk-views.ts';

/** A score on the 5×5 scale: required, a whole number from 1 to 5. */
export function riskScale(label: string) {
	return wholeNumber(label, 1, 5)
		.refine((v) => v !== null && v !== undefined, `Choose the ${label}, from 1 to 5`)
		.transform((v) => v as number);
}

const links = (what: string) =>
	z
		.array(reference(`Choose ${what} of this partnership`))
		.max(50, `Link no more than 50 ${what}`)
		.default([]);

export const DefineRiskInput = z.object({
	title: requiredText('the risk’s title', 200),
	description: requiredText('what the risk is', 4000, { multiline: true }),
	ownerOrganisationId: reference('Choose the partner that owns the risk'),
	likelihood: riskScale('likelihood'),
	impact: riskScale('impact'),
	controls: requiredText('the controls in place', 4000, { multiline: true }),
	/** Left out: the risk is due at the next risk review. */
	nextReviewOn: isoDate(
		'Enter the next review’s date as a real date, for example 2027-03-31'
	).nullish(),
	outcomeIds: links('outcomes'),
	decisionIds: links('decisions'),
	actionIds: links('actions')
});

export async function defineRisk(actor: Actor, slug: string, input: unknown): Promise<RiskView> {
	const ctx = await partnershipContext(actor, slug);
	demand(isOfficer(ctx), 'Only the secretariat and admins define risks.');
	const data = parse(DefineRiskInput, input);
	const today = dayInUk(now());
	if (data.nextReviewOn && data.nextReviewOn <= today)
		throw new Invalid({ nextReviewOn: 'The next review must be after today' });
	const id = await transaction(async (tx) => {
		const partnershipId = ctx.partnership.id;
		const owner = await tx.organisation.count({
			where: { id: data.ownerOrganisationId, partnershipId }
		});
		if (!owner) throw new Invalid({ ownerOrganisationId: 'Choose a partner of this partnership' });
		const outcomeIds = [...new Set(data.outcomeIds)];
		const decisionIds = [...new Set(data.decisionIds)];
		const actionIds = [...new Set(data.actionIds)];
		const found = await Promise.all([
			tx.outcome.count({ where: { id: { in: outcomeIds }, partnershipId } }),
			tx.decision.count({ where: { id: { in: decisionIds }, partnershipId } }),
			tx.action.count({ where: { id: { in: actionIds }, partnershipId } })
		]);
		if (found[0] !== outcomeIds.length)
			throw new Invalid({ outcomeIds: 'Choose outcomes of this partnership' });
		if (found[1] !== decisionIds.length)
			throw new Invalid({ decisionIds: 'Choose decisions of this partnership' });
		if (found[2] !== actionIds.length)
			throw new Invalid({ actionIds: 'Choose actions of this partnership' });
		if (await tx.risk.count({ where: { partnershipId, title: data.title } }))
			throw new Invalid({ title: 'The register already has a risk of that title' });
		const risk = await tx.risk.create({
			data: {
				partnershipId,
				title: data.title,
				description: data.description,
				ownerOrganisationId: data.ownerOrganisationId,
				createdById: actor.userId,
				createdAt: now(),
				outcomes: { create: outcomeIds.map((outcomeId) => ({ outcomeId })) },
				decisions: { create: decisionIds.map((decisionId) => ({ decisionId })) },
				actions: { create: actionIds.map((actionId) => ({ actionId })) }
			}
		});
		// The first assessment is the risk's first review, so its history of scores starts here.
		await tx.riskReview.create({
			data: {
				riskId: risk.id,
				likelihood: data.likelihood,
				impact: data.impact,
				controls: data.controls,
				note: '',
				status: 'OPEN',
				reviewedOn: atDay(today),
				nextReviewOn: data.nextReviewOn ? atDay(data.nextReviewOn) : null,
				recordedById: actor.userId,
				recordedAt: now()
			}
		});
		await audit(tx, actor.userId, {
			action: 'created',
			entity: 'Risk',
			entityId: risk.id,
			partnershipId,
			detail: { ...data, score: riskScore(data.likelihood, data.impact) }
		});
		return risk.id;
	});
	return (await riskViews(ctx, { id }))[0];
}

/** The partnership's risk register: every risk with its current scores, highest score first. */
export async function listRisks(actor: Actor, slug: string): Promise<RiskView[]> {
	const ctx = await partnershipContext(actor, slug);
	const risks = await riskViews(ctx, {});
	return risks.sort(
		(a, b) =>
			Number(a.status === 'CLOSED') - Number(b.status === 'CLOSED') ||
			b.score - a.score ||
			a.title.localeCompare(b.title)
	);
}

/** One risk with its links and history; `slug` holds it to the partnership in a page's address. */
export async function getRisk(actor: Actor, riskId: string, slug?: string): Promise<RiskView> {
	const { ctx } = await riskContext(actor, riskId, slug);
	return (await riskViews(ctx, { id: riskId }))[0];
}

/** A record a risk may cite: one of the plan's outcomes, a decision or an action. */
export type RiskCited = { outcomeId: string } | { decisionId: string } | { actionId: string };

/**
 * The risks that cite a record, for its own page to link back to the register: open ones first, highest
 * score first. Only the partnership's own (the links hold ids only).
 */
export async function risksCiting(
	actor: Actor,
	slug: string,
	cited: RiskCited
): Promise<RiskView[]> {
	const ctx = await partnershipContext(actor, slug);
	const links =
		'outcomeId' in cited
			? await db().riskOutcome.findMany({ where: cited, select: { riskId: true } })
			: 'decisionId' in cited
				? await db().riskDecision.findMany({ where: cited, select: { riskId: true } })
				: await db().riskAction.findMany({ where: cited, select: { riskId: true } });
	if (!links.length) return [];
	const risks = await riskViews(ctx, { id: { in: links.map((l) => l.riskId) } });
	return risks.sort(
		(a, b) => Number(a.status === 'CLOSED') - Number(b.status === 'CLOSED') || b.score - a.score
	);
}

/** What an officer may link a risk to: the partnership's outcomes, decisions and actions. */
export async function riskLinkChoices(actor: Actor, slug: string) {
	const ctx = await partnershipContext(actor, slug);
	const partnershipId = ctx.partnership.id;
	const [outcomes, decisions, actions] = await Promise.all([
		db().outcome.findMany({
			where: { partnershipId },
			orderBy: [{ kind: 'asc' }, { code: 'asc' }],
			select: { id: true, code: true, title: true }
		}),
		decisionNames(partnershipId),
		db().action.findMany({
			where: { partnershipId },
			orderBy: { createdAt: 'desc' },
			select: { id: true, text: true, status: true }
		})
	]);
	return { outcomes, decisions: [...decisions.values()], actions };
}
