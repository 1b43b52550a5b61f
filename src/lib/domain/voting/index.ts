export * from './voting-day';
export * from './window';
export * from './limits';
export * from './counts-visibility';
export * from './address-prefix';
export * from './proof-cost';
