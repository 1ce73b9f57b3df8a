// Test helpers of the forms module for other modules' tests: its tables, to check what was stored.
export { formDrafts, formSubmissionEvents, formSubmissions } from './forms.tables.js';
