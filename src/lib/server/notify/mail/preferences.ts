// Each person's choice, per kind of email: at once, in a daily digest, or off. Security and account kinds
// are always sent at once. Unsubscribing from an email's link turns its kind off for its person.
import { z } from 'zod';
import type { Actor } from '../../access/index.ts';
import { audit, db, Invalid, NotFound, parse, transaction } from '../../platform/index.ts';
import {
	ALWAYS_AT_ONCE,
	KIND_LABEL,
	MAIL_KINDS,
	MailKindSchema,
	MailModeSchema,
	type MailKind,
	type MailMode
} from './kinds.ts';
import { readUnsubscribeToken } from './unsubscribe-token.ts';

export const MailPreferenceView = z.object({
	kind: MailKindSchema,
	label: z.string(),
	mode: MailModeSchema,
	/** Security and account email: always sent at once. */
	locked: z.boolean()
});
export type MailPreferenceView = z.infer<typeof MailPreferenceView>;

/** Any of the kinds, each at once, digest or off; kinds left out keep their setting. */
export const MailPreferencesInput = z.strictObject(
	Object.fromEntries(MAIL_KINDS.map((kind) => [kind, MailModeSchema.optional()])) as Record<
		MailKind,
		z.ZodOptional<typeof MailModeSchema>
	>,
	{ error: 'Give each kind of email as at once (IMMEDIATE), DIGEST or OFF' }
);

async function preferencesOf(userId: string): Promise<MailPreferenceView[]> {
	const rows = await db().mailPreference.findMany({ where: { userId } });
	const chosen = new Map(rows.map((row) => [row.kind, row.mode as MailMode]));
	return MAIL_KINDS.map((kind) => ({
		kind,
		label: KIND_LABEL[kind],
		mode: ALWAYS_AT_ONCE.has(kind) ? 'IMMEDIATE' : (chosen.get(kind) ?? 'IMMEDIATE'),
		locked: ALWAYS_AT_ONCE.has(kind)
	}));
}

export async function getMailPreferences(actor: Actor): Promise<MailPreferenceView[]> {
	return preferencesOf(actor.userId);
}

export async function setMailPreferences(
	actor: Actor,
	input: unknown
): Promise<MailPreferenceView[]> {
	const values = parse(MailPreferencesInput, input);
	const fields: Record<string, string> = {};
	for (const kind of ALWAYS_AT_ONCE)
		if (values[kind] && values[kind] !== 'IMMEDIATE')
			fields[kind] = 'This email is about your account’s security: it is always sent at once.';
	if (Object.keys(fields).length) throw new Invalid(fields);
	const changes = Object.entries(values).filter(
		(entry): entry is [MailKind, MailMode] =>
			!!entry[1] && !ALWAYS_AT_ONCE.has(entry[0] as MailKind)
	);
	if (changes.length)
		await transaction(async (tx) => {
			for (const [kind, mode] of changes)
				await tx.mailPreference.upsert({
					where: { userId_kind: { userId: actor.userId, kind } },
					create: { userId: actor.userId, kind, mode },
					update: { mode }
				});
			await audit(tx, actor.userId, {
				action: 'mail_preferences_changed',
				entity: 'User',
				entityId: actor.userId,
				detail: Object.fromEntries(changes)
			});
		});
	return preferencesOf(actor.userId);
}

/** What an unsubscribe link would turn off, for its confirmation page. */
export async function unsubscribeInfo(
	token: string
): Promise<{ kind: MailKind; label: string; email: string; off: boolean }> {
	const named = await readUnsubscribeToken(token);
	if (!named) throw new NotFound('unsubscribe_link');
	const user = await db().user.findUnique({ where: { id: named.userId }, select: { email: true } });
	if (!user) throw new NotFound('unsubscribe_link');
	const pref = await db().mailPreference.findUnique({
		where: { userId_kind: { userId: named.userId, kind: named.kind } }
	});
	return {
		kind: named.kind,
		label: KIND_LABEL[named.kind],
		email: user.email,
		off: pref?.mode === 'OFF'
	};
}

/** One-click unsubscribe (RFC 8058): turns the link's kind off for its person. No sign-in needed. */
export async function unsubscribe(token: string): Promise<{ kind: MailKind; label: string }> {
	const named = await readUnsubscribeToken(token);
	if (!named) throw new NotFound('unsubscribe_link');
	if (ALWAYS_AT_ONCE.has(named.kind)) throw new NotFound('unsubscribe_link');
	await transaction(async (tx) => {
		const user = await tx.user.findUnique({ where: { id: named.userId }, select: { id: true } });
		if (!user) throw new NotFound('unsubscribe_link');
		await tx.mailPreference.upsert({
			where: { userId_kind: { userId: named.userId, kind: named.kind } },
			create: { userId: named.userId, kind: named.kind, mode: 'OFF' },
			update: { mode: 'OFF' }
		});
		await audit(tx, named.userId, {
			action: 'mail_unsubscribed',
			entity: 'User',
			entityId: named.userId,
			detail: { kind: named.kind }
		});
	});
	return { kind: named.kind, label: KIND_LABEL[named.kind] };
}
