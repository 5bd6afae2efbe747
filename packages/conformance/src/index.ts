export { CheckFailure, ensure, expectConsecutive, expectProblem, expectStatus, fail, sameJson } from './assert.js';
export { AREAS, type Area, type Check, type CheckContext, type CheckStatus, type RunInputs } from './check.js';
export { allChecks } from './checks/index.js';
export { Fixtures, type KitUser, newClientId } from './fixtures.js';
export { type HostTokenClaims, signHostToken } from './host-token.js';
export { HttpRecorder, type Reply, type RequestOptions } from './http-recorder.js';
export { formatExchange, formatReport, formatResult, formatSummary } from './report.js';
export {
  type CheckResult,
  createCheckContext,
  normaliseBaseUrl,
  type Report,
  type RunOptions,
  runConformance,
  selectChecks,
  type Tally,
  UsageError,
} from './runner.js';
export {
  connectSocket,
  type FrameOf,
  type OpenSocket,
  refusedStatus,
  SocketRecorder,
} from './socket-recorder.js';
export type { Exchange, FrameExchange, HttpExchange, SocketExchange } from './transcript.js';
