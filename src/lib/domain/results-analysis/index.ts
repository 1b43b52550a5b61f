export { histogramOfTotals, type HistogramBin } from './histogram';
export { judgeLeniency, type JudgeLeniency, type CriterionLeniency, type JudgedSheet } from './leniency';
export { judgeScoreHundredths } from './judge-score';
