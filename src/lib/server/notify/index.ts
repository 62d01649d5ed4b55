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
	unreadCount
} from './notifications.ts';
