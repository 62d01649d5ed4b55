import type { Logger } from 'pino';
import type { Actor } from '$lib/server/access';

declare global {
	namespace App {
		interface Locals {
			actor: Actor | null;
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
