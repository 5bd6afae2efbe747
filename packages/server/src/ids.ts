import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A UUIDv7: 48 bits of Unix milliseconds, then a 12-bit counter so ids made in the same millisecond
 * still sort in creation order, then random bits. Time-sortable and opaque to clients.
 */
export function newId(): string {
  const now = Date.now();
  counter = now === lastMs ? (counter + 1) & 0xfff : 0;
  lastMs = now;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random token for secrets handed to clients (refresh tokens, socket tickets). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}
