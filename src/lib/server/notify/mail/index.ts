// What notify/ offers of its email: queuing in a command's transaction, the sender loop, preferences and
// unsubscribing, the outbox, calendar invitations and the private feed.
export { calendar, escapeText, foldLine, londonStamp, meetingUid } from './ics.ts';
export { startMailSender, backoffMs, type MailSender } from './sender.ts';
export { sendDigests } from './digest.ts';
export { enqueueMail, mailAlongside, siteLink } from './queue.ts';
export { setSiteOrigin, siteOrigin } from './origin.ts';
export {
	mailAgendaIssued,
	mailLatePaper,
	mailMeetingCancelled,
	mailMeetingMoved,
	mailNoLongerInvited
} from './meetings.ts';
export { mailActionAssigned } from './actions.ts';
export { actionDueDue, sendActionDue } from './action-due.ts';
export { listOutbox, retryMail, OutboxMessageView } from './outbox.ts';
export {
	getMailPreferences,
	setMailPreferences,
	unsubscribe,
	unsubscribeInfo,
	MailPreferenceView,
	MailPreferencesInput
} from './preferences.ts';
export {
	calendarFeedText,
	getCalendarFeed,
	newCalendarFeed,
	CalendarFeedView,
	NewCalendarFeedView
} from './feed.ts';
export { KIND_LABEL, MAIL_KINDS, MODE_LABEL, type MailKind, type MailMode } from './kinds.ts';
export { unsubscribeToken } from './unsubscribe-token.ts';
