import { createHmac, timingSafeEqual } from 'node:crypto';

/** Links minted within the same hour are identical (cacheable) and stay valid for one to two hours. */
const HOUR = 3600;

/**
 * Signed, expiring links to the bytes of uploads: `api/v1/uploads/{id}/content?expires=…&signature=…`,
 * relative to the server's base URL. The signature is an HMAC-SHA256 of `<id>.<expires>` under a key derived
 * from the deployment's secret, so any process of the deployment checks what another minted, and the link is
 * the whole permission (an `<img src>` sends no header).
 */
export class UploadLinks {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('confab upload links v1').digest();
  }

  /** A link to upload `id`, valid until the end of the hour after the current one. */
  mint(id: string, nowMs = Date.now()): string {
    const expires = (Math.floor(nowMs / 1000 / HOUR) + 2) * HOUR;
    return `api/v1/uploads/${id}/content?expires=${expires}&signature=${this.#sign(id, expires)}`;
  }

  /** Whether `signature` is this deployment's for `id` and `expires`, and `expires` has not passed. */
  check(id: string, expires: number, signature: string, nowMs = Date.now()): 'valid' | 'expired' | 'invalid' {
    const expected = Buffer.from(this.#sign(id, expires));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return expires * 1000 <= nowMs ? 'expired' : 'valid';
  }

  #sign(id: string, expires: number): string {
    return createHmac('sha256', this.#key).update(`${id}.${expires}`).digest('base64url');
  }
}
