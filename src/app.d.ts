import type { Session } from '$lib/server/auth/session';
import type { UserRow } from '$lib/server/auth/user-queries';

declare global {
	namespace App {
		interface Locals {
			user: UserRow | null;
			session: Session | null;
			requestId: string;
		}
		interface Error {
			message: string;
			code?: string;
			requestId?: string;
		}
	}
}

export {};
