export * from './clock.js';
export * from './audit-event.js';
export * from './http/index.js';
export * from './db/index.js';
