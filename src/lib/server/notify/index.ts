// The public face of notify/: all that pages, API routes, the sync server and other concepts may use;
// the rest of the folder is its own (the import check in `npm test` holds everyone to this).
export { notifyApi } from './api.ts';
export {
	BODY_NOTICE_KINDS,
	notifyMatterArisingPlaced,
	notifyPriorityStep
} from './body-notices.ts';
export type { BodyNotice, BodyNoticeKind } from './body-notices.ts';
export {
	agendaRecipients,
	listNotifications,
	markRead,
	notifyAgendaIssued,
	notifyMeetingChanged,
	unreadCount
} from './notifications.ts';
export {
	KIND_LABEL,
	MAIL_KINDS,
	MODE_LABEL,
	actionDueDue,
	backoffMs,
	calendar,
	escapeText,
	foldLine,
	londonStamp,
	calendarFeedText,
	enqueueMail,
	getCalendarFeed,
	getMailPreferences,
	listOutbox,
	mailActionAssigned,
	mailAgendaIssued,
	mailAlongside,
	mailLatePaper,
	mailMeetingCancelled,
	mailMeetingMoved,
	mailNoLongerInvited,
	retryMail,
	sendActionDue,
	meetingUid,
	newCalendarFeed,
	sendDigests,
	setMailPreferences,
	setSiteOrigin,
	siteLink,
	siteOrigin,
	startMailSender,
	unsubscribe,
	unsubscribeInfo,
	unsubscribeToken
} from './mail/index.ts';
export type { MailKind, MailMode, MailSender } from './mail/index.ts';
