// The endpoints of a person's notifications.
// Gathered with every other concept's into the API table and the OpenAPI document (web/api/routes.ts).
import { z } from 'zod';
import { NotificationView } from './notifications.ts';
import { defineRoutes } from '../platform/index.ts';

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
	}
});
