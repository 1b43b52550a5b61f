export type { StoredResult } from './stored-result';
export { canonicalJson, canonicalDigestInput } from './canonical';
export { diffStoredResults, type ResultDiff, type EntryDiff, type ChangeReasons, type Change } from './diff';
export { buildPlacings, type PlacingRow } from './placings';
