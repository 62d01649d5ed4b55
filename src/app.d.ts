import type { Logger } from 'pino';
import type { Access, Actor } from '$lib/server/access';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
			/** The actor's memberships, seats and roles, asked of the database once per request. */
			access: Access | null;
			requestId: string;
			log: Logger;
		}
		interface Error {
			message: string;
			requestId?: string;
		}
	}
}

export {};
