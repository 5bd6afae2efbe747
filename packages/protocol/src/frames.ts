import { type Checked, checkSchema, type SchemaIssue } from './schemas.js';
import type { ClientFrame, ErrorCode, SchemaName, ServerFrame } from './types.js';

const clientFrameSchemas: Record<ClientFrame['type'], SchemaName> = {
  subscribe: 'SubscribeFrame',
  unsubscribe: 'UnsubscribeFrame',
  send: 'SendFrame',
  typing: 'TypingFrame',
  read: 'ReadFrame',
  ping: 'PingFrame',
};

const serverFrameSchemas: Record<ServerFrame['type'], SchemaName> = {
  hello: 'HelloFrame',
  subscribed: 'SubscribedFrame',
  unsubscribed: 'UnsubscribedFrame',
  event: 'EventFrame',
  ack: 'AckFrame',
  typing: 'TypingServerFrame',
  presence: 'PresenceFrame',
  resync: 'ResyncFrame',
  error: 'ErrorFrame',
  pong: 'PongFrame',
  added: 'AddedFrame',
  mention: 'MentionFrame',
};

/** A client frame that failed to parse, with the socket error code the server answers with. */
export interface FrameProblem {
  ok: false;
  code: Extract<ErrorCode, 'invalid_frame' | 'unknown_frame_type'>;
  detail: string;
  /** The frame's `type`, when it had one. */
  type?: string;
  /**
   * What the answering `error` frame names in `ref`: a `send`'s `clientMessageId` when the frame has a
   * string one (however wrong the rest is), otherwise the frame's `type`.
   */
  ref?: string;
  issues: SchemaIssue[];
}

/** The `ref` of the error answering a refused frame of type `type` (see {@link FrameProblem.ref}). */
function refOf(type: string, value: object): string {
  const clientMessageId = (value as { clientMessageId?: unknown }).clientMessageId;
  return type === 'send' && typeof clientMessageId === 'string' ? clientMessageId : type;
}

function checkFrame<T>(value: unknown, schemas: Record<string, SchemaName>): { ok: true; value: T } | FrameProblem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, code: 'invalid_frame', detail: 'A frame must be a JSON object.', issues: [] };
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') {
    return { ok: false, code: 'invalid_frame', detail: 'A frame needs a string "type".', issues: [] };
  }
  const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (!schema) {
    return {
      ok: false,
      code: 'unknown_frame_type',
      detail: `Unknown frame type "${type.slice(0, 40)}".`,
      type,
      ref: type,
      issues: [],
    };
  }
  const checked: Checked<T> = checkSchema<T>(schema, value);
  if (checked.ok) return checked;
  const first = checked.issues[0];
  const detail = first ? `${type}: ${first.path} ${first.message}` : `${type} is invalid`;
  return { ok: false, code: 'invalid_frame', detail, type, ref: refOf(type, value), issues: checked.issues };
}

/** Parses one socket message from a client and checks it against its frame schema. */
export function parseClientFrame(text: string): { ok: true; value: ClientFrame } | FrameProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, code: 'invalid_frame', detail: 'A frame must be one JSON object.', issues: [] };
  }
  return checkFrame<ClientFrame>(value, clientFrameSchemas);
}

/** Checks a decoded server frame against its schema (used by tests and conformance checks). */
export function checkServerFrame(value: unknown): { ok: true; value: ServerFrame } | FrameProblem {
  return checkFrame<ServerFrame>(value, serverFrameSchemas);
}
