export * from './clock.js';
export * from './audit-event.js';
