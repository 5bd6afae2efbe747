export { checkServerFrame, type FrameProblem, parseClientFrame } from './frames.js';
export { openapiDocument } from './generated/document.js';
export type { components, operations, paths } from './generated/openapi.js';
export { checkReply, findOperation, type ObservedReply } from './replies.js';
export { type Checked, checkSchema, compileSchema, createContractAjv, type SchemaIssue, toIssues } from './schemas.js';
export * from './types.js';
