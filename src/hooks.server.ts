import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/private';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { m } from '$lib/paraglide/messages.js';
import { readDatabaseConfig, runtimeDatabaseUrl, startDatabase } from '$lib/server/db/start';
import { ensureSecretKey } from '$lib/server/crypto/personal-data';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { authenticateSession } from '$lib/server/auth/account';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { wireRealtime } from '$lib/server/realtime/io';
import { attachPostgresAdapter, socketAdapterKind } from '$lib/server/realtime/adapter';
import { startLiveBoard } from '$lib/server/live/live-board';
import { startVoteReviewJob } from '$lib/server/vote-review/detection-job';
import { describeClientError } from '$lib/server/http/client-errors';
import { cacheControl, guardFormBodies, limitBodies, shapeApiAnswers } from '$lib/server/http/hooks';

export const init: ServerInit = async () => {
	// A malformed JIANGXIN_SECRET_KEY stops the start here, not at the first registration.
	ensureSecretKey();
	const adapter = socketAdapterKind(env);
	await startDatabase(readDatabaseConfig(env));
	// Before the handlers plug in: until then handshakes wait, so no socket joins a room of the old adapter.
	if (adapter === 'postgres') attachPostgresAdapter(runtimeDatabaseUrl()!);
	wireRealtime();
	startLiveBoard();
	startVoteReviewJob(env);
};

const requestId: Handle = ({ event, resolve }) => {
	event.locals.requestId = crypto.randomUUID();
	return resolve(event);
};

const authentication: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const { session, user, renewed } = await authenticateSession(token, new Date());
		if (session) {
			if (renewed) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
			event.locals.user = user;
			event.locals.session = session;
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

export const handle = sequence(requestId, authentication, i18n, limitBodies, cacheControl, shapeApiAnswers, guardFormBodies);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = event.locals.requestId ?? crypto.randomUUID();
	const clientError = describeClientError(event, status, message, id);
	if (clientError) return clientError;
	console.error(`[${id}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: m.errors_unexpected({ requestId: id }), code: 'unexpected', requestId: id };
};
