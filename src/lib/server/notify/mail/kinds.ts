// The kinds of email, what each is called on the settings page, and which cannot be turned off.
import { z } from 'zod';

export const MAIL_KINDS = [
	'agenda_issued',
	'paper_added_late',
	'action_assigned',
	'action_due',
	'priority_step',
	'response_published',
	'response_contested',
	'survey_open',
	'invitation',
	'password_changed'
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** About the person's account or security: always sent at once, whatever their preferences. */
export const ALWAYS_AT_ONCE: ReadonlySet<MailKind> = new Set(['invitation', 'password_changed']);

export const KIND_LABEL: Record<MailKind, string> = {
	agenda_issued: 'An agenda is issued for a meeting of a body you sit on',
	paper_added_late: 'A paper is added late to a meeting you are invited to',
	action_assigned: 'An action is assigned to you',
	action_due: 'An action of yours is due',
	priority_step: 'A priority your forum raised takes a step',
	response_published: 'A response to your forum’s priority is published',
	response_contested: 'A forum contests a response',
	survey_open: 'A members’ survey is open to you',
	invitation: 'Invitations to a partnership (always sent)',
	password_changed: 'Your password is changed (always sent)'
};

export const MAIL_MODES = ['IMMEDIATE', 'DIGEST', 'OFF'] as const;
export type MailMode = (typeof MAIL_MODES)[number];

export const MODE_LABEL: Record<MailMode, string> = {
	IMMEDIATE: 'At once',
	DIGEST: 'In a daily digest',
	OFF: 'Off'
};

export const MailKindSchema = z.enum(MAIL_KINDS, { error: 'Not a kind of email' });
export const MailModeSchema = z.enum(MAIL_MODES, {
	error: 'Choose at once, a daily digest, or off'
});
