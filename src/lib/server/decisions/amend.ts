// Amending a recorded decision: the next version, frozen from the decision log's wording as it stands now,
// chained to the last version by its hash. Earlier versions are never changed.
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { db, transaction } from '../platform/index.ts';
import type { DecisionVersionView } from './views.ts';
import { NotFound } from '../platform/index.ts';
import { publishMeetingChange } from '../meetings/index.ts';
import { demandInProgress } from '../meetings/index.ts';
import { demand, meetingContext, meetingRights } from '../access/index.ts';
import { parse } from '../platform/index.ts';

import { DecisionContentInput, RUN_MESSAGE } from './decision-input.ts';
import { freeze, versionView } from './record.ts';
import { settle } from './settle.ts';
import { draftWording } from './wording.ts';

async function decisionContext(actor: Actor, decisionId: string) {
	const decision = await db().decision.findUnique({ where: { id: decisionId } });
	if (!decision) throw new NotFound('decision');
	const ctx = await meetingContext(actor, decision.meetingId).catch(() => {
		throw new NotFound('decision');
	});
	return { decision, ctx };
}

export async function amendDecision(
	actor: Actor,
	decisionId: string,
	input: unknown
): Promise<DecisionVersionView> {
	const { decision, ctx } = await decisionContext(actor, decisionId);
	demand((await meetingRights(ctx)).run, RUN_MESSAGE);
	const data = parse(DecisionContentInput, input);
	demandInProgress(ctx, 'Amendments');
	const wording = await draftWording(decision.meetingId, decision.agendaItemId);
	const view = await transaction(async (tx) => {
		const settled = await settle(tx, ctx, decision.agendaItemId, data);
		const latest = await tx.decisionVersion.findFirstOrThrow({
			where: { decisionId },
			orderBy: { version: 'desc' }
		});
		const version = latest.version + 1;
		const versionId = await freeze(
			tx,
			actor,
			decisionId,
			version,
			latest.hash,
			wording,
			data,
			settled
		);
		const view = await versionView(tx, ctx, versionId);
		await audit(tx, actor.userId, {
			action: 'amended',
			entity: 'Decision',
			entityId: decisionId,
			partnershipId: ctx.partnership.id,
			detail: { version, hash: view.hash, previousHash: latest.hash, ...data }
		});
		return view;
	});
	publishMeetingChange(decision.meetingId, 'decision');
	return view;
}
