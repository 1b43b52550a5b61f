// Publication, objections and appeals (issue 17, publication part).
export { loadPublicResults, loadPublicExplanation, hasPublishedResults, type PublicResults, type PublicRoundResults, type PublicExplanation } from './public-results';
export { lodgeObjection, listObjections, answerObjection, openObjectionAttachment, OBJECTIONS_PER_ADDRESS_PER_HOUR, type StaffObjection } from './objections';
export { loadOwnAppeals, fileAppeal, listCompetitionAppeals, decideAppeal, recordAppealRescore, setAppealWindow, type AppealView } from './appeals';
export { getArbitrators, addArbitrator, removeArbitrator } from './arbitrators';
export { openNotifications, unreadNotificationCount } from './notifications';
export { countOpenObjectionsAndAppeals } from './appeal-queries';
export { publicResultsOfCompetition, explanationOfRoundEntry, lodgeObjectionForCompetition } from './organisation-views';
