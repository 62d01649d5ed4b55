// Reviewers' DQI codes on a meeting's spoken contributions (DESIGN §6). A code is a level of its category
// or "not applicable", never both, and a level is backed by the code's own note or the quote shared by
// the command. Codes are only ever added (the database refuses changes): the latest per contribution ×
// coder × category is current; none are added to a published review unless an officer has reopened it
// (review/access.ts). Each coder sees only their own codes until the review is published; an
// officer, who manages the review but does not code, is refused the codes (403) until then rather than
// shown an empty list that would read as "nothing coded". Members and observers are refused them (403)
// always: individual codes stay with the coding team and the officers (issue 17). The CSV export
// names people and organisations by the review's pseudonyms (pseudonyms.ts).
import { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { audit } from '../platform/index.ts';
import { now } from '../platform/index.ts';
import { currentCodes, spokenTurns, type StoredCode } from './coded-record.ts';
import { db, transaction, type Db, type Tx } from '../platform/index.ts';
import { Conflict, Forbidden, NotFound } from '../platform/index.ts';
import { toCsv, type CsvFile } from '../decisions/index.ts';
import { demand } from '../access/index.ts';
import { requireUnfrozen, reviewContext, type ReviewContext } from './access.ts';
import { ensurePseudonyms } from './pseudonyms.ts';
import { Flag, optionalText, parse } from '../platform/index.ts';
import { DQI_KEYS, dqiCategory } from '../../review/dqi.ts';
import { CONTRIBUTION_TYPES } from '../../vocabulary.ts';

/** A level by its index in the category's scale, from JSON or from a form's radio button. */
const Level = z
	.union([z.number(), z.string().regex(/^\s*\d+\s*$/)], { error: 'Choose a level by its number' })
	.transform(Number)
	.pipe(
		z.number({ error: 'Choose a level by its number' }).int('Choose a level by its number').min(0)
	)
	.nullish();

const CodeInput = z
	.object({
		category: z.enum(DQI_KEYS, { error: 'Choose one of the DQI categories' }),
		value: Level,
		notApplicable: Flag.optional(),
		note: optionalText('the note', 1000)
	})
	.superRefine((code, ctx) => {
		const category = dqiCategory(code.category)!;
		const hasValue = code.value !== null && code.value !== undefined;
		if (hasValue && code.notApplicable)
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				message: `Choose a level of ${category.name} or mark it not applicable, not both`
			});
		else if (!hasValue && !code.notApplicable)
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				message: `Choose a level of ${category.name} or mark it not applicable`
			});
		else if (hasValue && code.value! >= category.levels.length)
			ctx.addIssue({
				code: 'custom',
				path: ['value'],
				message: `Choose one of the levels of ${category.name} (0 to ${category.levels.length - 1})`
			});
	});

export const RecordCodesInput = z
	.object({
		/** A short quote from the contribution, backing every level coded in this command. */
		quote: optionalText('the quote', 2000),
		codes: z
			.array(CodeInput, { error: 'Send the codes as a list' })
			.min(1, 'Code at least one category')
			.max(DQI_KEYS.length, `Code each of the ${DQI_KEYS.length} categories at most once`)
	})
	.superRefine((input, ctx) => {
		const seen = new Set<string>();
		input.codes.forEach((code, at) => {
			const name = dqiCategory(code.category)!.name;
			if (seen.has(code.category))
				ctx.addIssue({
					code: 'custom',
					path: ['codes', at, 'category'],
					message: `${name} is coded twice`
				});
			seen.add(code.category);
			if (code.value !== null && code.value !== undefined && !code.note && !input.quote)
				ctx.addIssue({
					code: 'custom',
					path: ['codes', at, 'note'],
					message: `Back the code for ${name} with a note or the shared quote`
				});
		});
	});
export type RecordCodesInput = z.input<typeof RecordCodesInput>;

export const CodeView = z.object({
	id: z.string(),
	contributionId: z.string(),
	coder: z.object({ membershipId: z.string(), name: z.string() }),
	category: z.enum(DQI_KEYS),
	/** The level's index in the category's scale; null when not applicable. */
	value: z.number().int().nullable(),
	notApplicable: z.boolean(),
	/** The note or quote that backs the code. */
	note: z.string(),
	createdAt: z.iso.datetime()
});
export type CodeView = z.infer<typeof CodeView>;

export const CodesView = z.object({
	meetingId: z.string(),
	/** 'own': only the caller's codes (before publication); 'all': every coder's (once published). */
	scope: z.enum(['own', 'all']),
	published: z.boolean(),
	codes: z.array(CodeView)
});
export type CodesView = z.infer<typeof CodesView>;

type Reader = Db | Tx;

async function codeViews(reader: Reader, codes: StoredCode[]): Promise<CodeView[]> {
	const coders = await reader.membership.findMany({
		where: { id: { in: [...new Set(codes.map((c) => c.coderMembershipId))] } },
		select: { id: true, user: { select: { name: true } } }
	});
	const name = new Map(coders.map((c) => [c.id, c.user.name]));
	return codes.map((c) => ({
		id: c.id,
		contributionId: c.contributionId,
		coder: { membershipId: c.coderMembershipId, name: name.get(c.coderMembershipId) ?? '' },
		category: c.category,
		value: c.value,
		notApplicable: c.notApplicable,
		note: c.note,
		createdAt: c.createdAt.toISOString()
	}));
}

function sameCode(a: StoredCode | undefined, b: { value: number | null; note: string }) {
	return (
		a !== undefined &&
		a.value === b.value &&
		a.notApplicable === (b.value === null) &&
		a.note === b.note
	);
}

/**
 * Codes one spoken contribution of a closed meeting (reviewers only). Every code in the command is
 * checked first and a single bad one refuses the lot. A code the same as the coder's current one is not
 * written again; the rest are appended, later than any earlier code of theirs on the contribution so the
 * new ones are current even within the same millisecond. Answers the coder's current codes on it.
 */
export async function recordCodes(
	actor: Actor,
	contributionId: string,
	input: unknown
): Promise<CodeView[]> {
	const turn = await db().contribution.findUnique({
		where: { id: contributionId },
		select: { meetingId: true, startedAt: true, cancelledAt: true }
	});
	if (!turn) throw new NotFound('contribution');
	const ctx = await reviewContext(actor, turn.meetingId).catch((error) => {
		throw error instanceof NotFound ? new NotFound('contribution') : error;
	});
	demand(ctx.canCode, 'Only reviewers code contributions.');
	if (!turn.startedAt || turn.cancelledAt)
		throw new Conflict('Only turns that were spoken can be coded; this one was never taken.');
	await requireUnfrozen(db(), turn.meetingId);
	const data = parse(RecordCodesInput, input);
	const coder = ctx.membership.id;
	return transaction(async (tx) => {
		await requireUnfrozen(tx, turn.meetingId);
		const mine = await currentCodes(tx, turn.meetingId, {
			coderMembershipId: coder,
			contributionId
		});
		const current = new Map(mine.map((c) => [c.category, c]));
		const latest = Math.max(0, ...mine.map((c) => c.createdAt.getTime()));
		const at = new Date(Math.max(now().getTime(), latest + 1));
		const changed = data.codes
			.map((c) => ({
				category: c.category,
				value: c.notApplicable ? null : c.value!,
				note: c.note || data.quote || ''
			}))
			.filter((c) => !sameCode(current.get(c.category), c));
		if (changed.length) {
			await tx.code.createMany({
				data: changed.map((c) => ({
					partnershipId: ctx.partnership.id,
					meetingId: turn.meetingId,
					contributionId,
					coderMembershipId: coder,
					category: c.category,
					value: c.value,
					notApplicable: c.value === null,
					note: c.note,
					createdAt: at
				}))
			});
			await audit(tx, actor.userId, {
				action: 'coded',
				entity: 'Contribution',
				entityId: contributionId,
				partnershipId: ctx.partnership.id,
				detail: { meetingId: turn.meetingId, quote: data.quote, codes: changed }
			});
		}
		return codeViews(
			tx,
			await currentCodes(tx, turn.meetingId, { coderMembershipId: coder, contributionId })
		);
	});
}

/**
 * Whose codes the caller may read, or 403: officers before publication (the codes are their coders'
 * until then), members and observers always (individual codes are for the coding team and officers; the
 * review's measures give them the aggregates).
 */
async function readableCodes(actor: Actor, meetingId: string) {
	const ctx = await reviewContext(actor, meetingId);
	if (ctx.codeScope === 'none')
		throw new Forbidden(
			ctx.canManage
				? 'Codes stay private to their coders until the review is published.'
				: 'Individual codes are kept to the coding team and the officers. The review’s measures ' +
						'show the DQI figures for the meeting as a whole.'
		);
	const codes = await currentCodes(
		db(),
		meetingId,
		ctx.codeScope === 'own' ? { coderMembershipId: ctx.membership.id } : {}
	);
	return { ctx: ctx as ReviewContext & { codeScope: 'own' | 'all' }, codes };
}

/** The current codes on a meeting's contributions that the caller may see. */
export async function listCodes(actor: Actor, meetingId: string): Promise<CodesView> {
	const { ctx, codes } = await readableCodes(actor, meetingId);
	return {
		meetingId,
		scope: ctx.codeScope,
		published: ctx.published !== null,
		codes: await codeViews(db(), codes)
	};
}

export const CODES_CSV_HEADER = [
	'Turn',
	'Started',
	'Agenda item',
	'Speaker',
	'Organisation',
	'Sector',
	'Type',
	'Coder',
	'Category key',
	'Category',
	'Value',
	'Level',
	'Not applicable',
	'Note or quote',
	'Coded at'
];

/**
 * The research export: the current codes the caller may see (the coding team and officers), one row per
 * code in the order the turns were taken. Speakers, organisations and coders are named by the review's
 * pseudonyms (pseudonyms.ts), given in this export's transaction the first time; a turn by its place in
 * the meeting rather than its id. Sectors stay: they are categories, not people.
 */
export async function codesCsv(actor: Actor, meetingId: string): Promise<CsvFile> {
	const { ctx, codes } = await readableCodes(actor, meetingId);
	const pseudonyms = await transaction((tx) =>
		ensurePseudonyms(tx, actor, ctx.partnership.id, meetingId)
	);
	const turns = await spokenTurns(db(), meetingId);
	const order = new Map(turns.map((t, at) => [t.id, at]));
	const turn = new Map(turns.map((t) => [t.id, t]));
	const coder = (id: string) => pseudonyms.CODER.get(id) ?? '';
	const rows = [...codes]
		.sort(
			(a, b) =>
				(order.get(a.contributionId) ?? 0) - (order.get(b.contributionId) ?? 0) ||
				coder(a.coderMembershipId).localeCompare(coder(b.coderMembershipId)) ||
				DQI_KEYS.indexOf(a.category) - DQI_KEYS.indexOf(b.category)
		)
		.map((c) => {
			const t = turn.get(c.contributionId);
			const category = dqiCategory(c.category)!;
			return [
				t ? order.get(t.id)! + 1 : '',
				t?.startedAt.toISOString() ?? '',
				t?.itemTitle ?? '',
				t ? (pseudonyms.SPEAKER.get(t.membershipId) ?? '') : '',
				t ? (pseudonyms.ORGANISATION.get(t.organisationId) ?? '') : '',
				t?.sectorName ?? '',
				t ? CONTRIBUTION_TYPES[t.type] : '',
				coder(c.coderMembershipId),
				c.category,
				category.name,
				c.value,
				c.value === null ? '' : category.levels[c.value],
				c.notApplicable,
				c.note,
				c.createdAt.toISOString()
			];
		});
	return { name: `meeting-${meetingId}-codes.csv`, text: toCsv(CODES_CSV_HEADER, rows) };
}
