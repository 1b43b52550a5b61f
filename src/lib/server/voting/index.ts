export { castVote, issueVoteChallenge, type VoterContext, type Counted } from './cast-vote';
export { getRoundVotePolicy, saveRoundVotePolicy, roundHasPublicVote, type RoundVoteSettings } from './policy-service';
export { getPublicTally, publicTallyOf, acceptedVotesOfRound, type PublicTally } from './tally';
export { requestVoteCode, confirmVoteCode } from './verification';
export { newVoterToken, readVoterToken, readVerifiedVoter, verifiedCookieName, VOTER_COOKIE, VOTER_COOKIE_MAX_AGE } from './voter-identity';
export { isSmsConfigured } from './sms';
export { loadVotePage, type VotePage } from './public-page';
export { ensureVoterToken, voterContext, setVerifiedVoterCookie } from './voter-cookies';
