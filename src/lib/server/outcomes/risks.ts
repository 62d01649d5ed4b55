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
	choice,
	db,
	isoDate,
	now,
	parse,
	reference,
	requiredText,
	transaction,
	wholeNumber,
	type Tx
} from '../platform/index.ts';
import { dayInUk } from '../../dates.ts';
import { riskScore } from '../../risk-bands.ts';
import { RISK_BANDS } from '../../vocabulary.ts';
import { atDay, decisionNames, riskContext, riskViews, type RiskView } from './risk-views.ts';

/** A score on the 5×5 scale: required, a whole number from 1 to 5. */
export function riskScale(label: string) {
	return wholeNumber(label, 1, 5)
		.refine((v) => v !== null && v !== undefined, `Choose the ${label}, from 1 to 5`)
		.transform((v) => v as number);
}

/** A list of records of the partnership a risk is linked to. */
export const riskLinks = (what: string) =>
	z.array(reference(`Choose ${what} of this partnership`)).max(50, `Link no more than 50 ${what}`);
const links = (what: string) => riskLinks(what).default([]);

export interface RiskLinks {
	outcomeIds: string[];
	decisionIds: string[];
	actionIds: string[];
}

/** The links without repeats, each checked to be the partnership's own; the same at definition and edit. */
export async function checkLinks(
	tx: Tx,
	partnershipId: string,
	ids: RiskLinks
): Promise<RiskLinks> {
	const outcomeIds = [...new Set(ids.outcomeIds)];
	const decisionIds = [...new Set(ids.decisionIds)];
	const actionIds = [...new Set(ids.actionIds)];
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
	return { outcomeIds, decisionIds, actionIds };
}

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
		const { outcomeIds, decisionIds, actionIds } = await checkLinks(tx, partnershipId, data);
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
		// Its wording and links as defined are its version 1; an officer's edits are the later ones.
		await tx.riskVersion.create({
			data: {
				riskId: risk.id,
				version: 1,
				title: data.title,
				description: data.description,
				outcomeIds,
				decisionIds,
				actionIds,
				recordedById: actor.userId,
				recordedAt: risk.createdAt
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

/** Which risks of the register to list: one partner's, one band's (the register's page and the API). */
export const RiskListQuery = z.object({
	/** The partner that owns the risks. */
	owner: reference('Choose a partner of this partnership').optional(),
	/** The band of their current score. */
	band: choice(RISK_BANDS, 'Choose a band: LOW, MEDIUM, HIGH or VERY_HIGH').optional()
});

/**
 * The partnership's risk register: every risk with its current scores, open ones first, highest score
 * first; with `query`, only one owner's or one band's.
 */
export async function listRisks(
	actor: Actor,
	slug: string,
	query: unknown = {}
): Promise<RiskView[]> {
	const ctx = await partnershipContext(actor, slug);
	const { owner, band } = parse(RiskListQuery, query);
	if (
		owner &&
		!(await db().organisation.count({ where: { id: owner, partnershipId: ctx.partnership.id } }))
	)
		throw new Invalid({ owner: 'Choose a partner of this partnership' });
	const risks = (await riskViews(ctx, owner ? { ownerOrganisationId: owner } : {})).filter(
		(r) => !band || r.band === band
	);
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
