// The one-script-tag entry: registers every element (they arrive with the elements issue) and exposes the
// service layer for pages that drive a session themselves.
export * from '../services/index.js';
export { PageLifecycle } from './shared/page-lifecycle.js';
