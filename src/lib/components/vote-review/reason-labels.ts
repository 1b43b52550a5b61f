import { m } from '$lib/paraglide/messages.js';

// The words for burst detection's flag codes and the organisers' reason classes (both languages).

const FLAG_WORDS: Record<string, () => string> = {
	burst: m.votereview_reason_burst,
	address_cluster: m.votereview_reason_address_cluster,
	user_agent_cluster: m.votereview_reason_user_agent_cluster,
	fresh_voters: m.votereview_reason_fresh_voters,
	regular_timing: m.votereview_reason_regular_timing
};

const CLASS_WORDS: Record<string, () => string> = {
	bought_votes: m.votereview_class_bought_votes,
	bot: m.votereview_class_bot,
	duplicate_identity: m.votereview_class_duplicate_identity,
	other: m.votereview_class_other
};

export const flagWords = (flag: string): string => FLAG_WORDS[flag]?.() ?? flag;
export const reasonClassWords = (reasonClass: string): string => CLASS_WORDS[reasonClass]?.() ?? reasonClass;
export const REASON_CLASSES = Object.keys(CLASS_WORDS);
