export * from './thresholds';
export * from './baseline';
export * from './rules';
export * from './summary';
