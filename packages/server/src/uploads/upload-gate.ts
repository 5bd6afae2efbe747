import { ChatError } from '../errors.js';

/**
 * Bounds the uploads a process reads into memory at once — per user and in all — so that a client opening
 * many uploads together (or sending them slowly) holds at most `perUser` × the upload limit, and all
 * clients together `total` × the limit. Past either bound the upload is refused at once with 429.
 */
export class UploadGate {
  readonly #reading = new Map<string, number>();
  #total = 0;

  constructor(
    private readonly perUser: number,
    private readonly total: number,
  ) {}

  /** Lets one upload of `userId` in, or throws `rate_limited`; returns the function that lets it out. */
  enter(userId: string): () => void {
    const mine = this.#reading.get(userId) ?? 0;
    if (mine >= this.perUser || this.#total >= this.total)
      throw new ChatError('rate_limited', 'Too many uploads at once; wait for one to finish.', { retryAfter: 1 });
    this.#reading.set(userId, mine + 1);
    this.#total++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#total--;
      const now = (this.#reading.get(userId) ?? 1) - 1;
      if (now > 0) this.#reading.set(userId, now);
      else this.#reading.delete(userId);
    };
  }
}
