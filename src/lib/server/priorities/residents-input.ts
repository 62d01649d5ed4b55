// What a resident gives to support a priority or comment on a response, and where their request came
// from (the network, for the flood limit). The email address is kept to confirm and to count, never shown.
import { z } from 'zod';
import { optionalText, requiredText, safeText } from '../platform/index.ts';

const email = safeText('your email address', { max: 254, multiline: false })
	.trim()
	.toLowerCase()
	.pipe(z.email({ error: 'Enter an email address like name@example.org' }).max(254));

const optionalLine = (label: string) =>
	optionalText(label, 60, { multiline: false }).transform((v) => (v ? v : null));

export const SupportInput = z.object({
	email,
	firstName: optionalLine('your first name'),
	area: optionalLine('your area')
});
export type SupportInput = z.infer<typeof SupportInput>;

export const CommentInput = SupportInput.extend({
	text: requiredText('your comment', 2000, { multiline: true })
});
export type CommentInput = z.infer<typeof CommentInput>;

export const ConfirmInput = z.object({
	token: z.string({ error: 'The link is incomplete' }).regex(/^[A-Za-z0-9_-]{20,100}$/, {
		error: 'The link is incomplete'
	})
});

export const REJECT_REASONS = {
	OFF_TOPIC: 'Off topic',
	PERSONAL_INFORMATION: 'Contains personal information',
	ABUSIVE: 'Abusive',
	DUPLICATE: 'Duplicate',
	OTHER: 'Other'
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

export const ModerationInput = z.discriminatedUnion('decision', [
	z.object({ decision: z.literal('APPROVE') }),
	z.object({
		decision: z.literal('REJECT'),
		reason: z.enum(Object.keys(REJECT_REASONS) as [RejectReason], {
			error: 'Choose a reason for rejecting'
		})
	})
]);
export type ModerationInput = z.infer<typeof ModerationInput>;

export const ConfirmResult = z.object({
	kind: z.enum(['support', 'comment']),
	/** What happens next, in words for the resident. */
	message: z.string()
});

export const Requested = z.object({ message: z.string() });

export const PublicVoice = z.object({
	/** Confirmed supports per priority the page shows. */
	support: z.array(z.object({ priorityId: z.string(), count: z.number() })),
	/** Approved comments, oldest first; a first name and area only where the resident gave them. */
	comments: z.array(
		z.object({
			id: z.string(),
			feedbackId: z.string(),
			priorityId: z.string(),
			firstName: z.string().nullable(),
			area: z.string().nullable(),
			text: z.string(),
			approvedAt: z.iso.datetime()
		})
	)
});
export type PublicVoice = z.infer<typeof PublicVoice>;

export const QueuedComment = z.object({
	id: z.string(),
	priorityId: z.string(),
	priorityTitle: z.string(),
	forum: z.string(),
	firstName: z.string().nullable(),
	area: z.string().nullable(),
	text: z.string(),
	confirmedAt: z.iso.datetime()
});
export type QueuedComment = z.infer<typeof QueuedComment>;

/** The network a request came from: IPv4 /24, IPv6 /64 (an IPv4-mapped IPv6 address counts as IPv4). */
export function networkOf(address: string): string {
	const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(address);
	if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
	if (address.includes(':')) {
		const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
		const left = head ? head.split(':') : [];
		const right = tail ? tail.split(':') : [];
		const groups = address.includes('::')
			? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
			: left;
		return `${groups
			.slice(0, 4)
			.map((g) => (parseInt(g || '0', 16) || 0).toString(16))
			.join(':')}::/64`;
	}
	return address;
}
