// The endpoints of a person's notifications and email.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { NotificationView } from './notifications.ts';
import { IN_PARTNERSHIP, PARTNERSHIP_API, defineRoutes } from '../platform/index.ts';
import {
	CalendarFeedView,
	MailPreferenceView,
	MailPreferencesInput,
	NewCalendarFeedView,
	OutboxMessageView
} from './mail/index.ts';

export const notifyApi = defineRoutes({
	listNotifications: {
		method: 'GET',
		path: '/api/v1/me/notifications',
		summary: 'The signed-in person’s notifications, newest first',
		tag: 'Account',
		response: z.array(NotificationView)
	},
	markNotificationRead: {
		method: 'POST',
		path: '/api/v1/me/notifications/{id}/read',
		summary: 'Mark one of one’s own notifications as read',
		tag: 'Account',
		response: NotificationView,
		errors: [404]
	},
	getMailPreferences: {
		method: 'GET',
		path: '/api/v1/me/mail-preferences',
		summary: 'For each kind of email: at once, in a daily digest, or off',
		tag: 'Account',
		response: z.array(MailPreferenceView)
	},
	setMailPreferences: {
		method: 'PUT',
		path: '/api/v1/me/mail-preferences',
		summary:
			'Choose, per kind of email, IMMEDIATE, DIGEST or OFF (kinds left out keep their setting; invitations and password changes are always sent at once)',
		tag: 'Account',
		body: MailPreferencesInput,
		response: z.array(MailPreferenceView),
		errors: [400]
	},
	getCalendarFeed: {
		method: 'GET',
		path: '/api/v1/me/calendar-feed',
		summary: 'Whether the signed-in person has a private calendar feed address, and since when',
		tag: 'Account',
		response: CalendarFeedView
	},
	newCalendarFeed: {
		method: 'POST',
		path: '/api/v1/me/calendar-feed',
		summary:
			'Make a new private calendar feed address (shown once); the previous address stops working',
		tag: 'Account',
		response: NewCalendarFeedView,
		status: 201
	},
	listOutbox: {
		method: 'GET',
		path: `${PARTNERSHIP_API}/outbox`,
		summary:
			'The partnership’s email, newest first, with its status: kept in the outbox without SMTP_URL, queued, sent or failed (admins)',
		tag: 'Account',
		response: z.array(OutboxMessageView),
		errors: IN_PARTNERSHIP
	},
	retryMail: {
		method: 'POST',
		path: `${PARTNERSHIP_API}/outbox/{id}/retry`,
		summary:
			'Send again an email that failed after all its retries: its attempts start over (admins); 409 for one that has not failed',
		tag: 'Account',
		response: OutboxMessageView,
		errors: [409, ...IN_PARTNERSHIP]
	}
});
