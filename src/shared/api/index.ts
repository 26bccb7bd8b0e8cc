export * from './common.js';
export * from './territories.js';
export * from './themes.js';
export * from './organisations.js';
export * from './actions.js';
export * from './signatures.js';
export * from './conventions.js';
export * from './system.js';
