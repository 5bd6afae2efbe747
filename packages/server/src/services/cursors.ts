import { ChatError } from '../errors.js';

// Cursors are opaque to clients; inside they are a position ("s" + seq, or "o" + offset) in base 36.

export const seqCursor = (seq: number): string => `s${seq.toString(36)}`;
export const offsetCursor = (offset: number): string => `o${offset.toString(36)}`;

function decode(cursor: string, prefix: 's' | 'o'): number {
  const value = cursor.startsWith(prefix) ? Number.parseInt(cursor.slice(1), 36) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 0 || value.toString(36) !== cursor.slice(1)) {
    throw new ChatError('invalid_request', `"${cursor.slice(0, 40)}" is not a cursor from this list.`);
  }
  return value;
}

export const decodeSeqCursor = (cursor: string): number => decode(cursor, 's');
export const decodeOffsetCursor = (cursor: string | undefined): number => (cursor ? decode(cursor, 'o') : 0);
