import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { encryptionJudgeActor } from '$lib/server/draw/judge-draw';
import { drawPage } from '$lib/server/draw/draw-page';
import { throwAsPageError } from '$lib/server/http/pages';

// The round's encryption judges, members of the organisation or not (code-only accounts): the same
// page as the organiser's, whose services admit them only as the round's encryption judges.
const page = drawPage((event: RequestEvent) => encryptionJudgeActor(requireUser(event), event.params.round).catch(throwAsPageError));

export const load = page.load satisfies PageServerLoad;
export const actions = page.actions satisfies Actions;
