import type { Visibility } from '@confab/protocol';
import type { Session } from './session.js';

/**
 * One socket's interest in one channel. While `live`, the hub sends each event straight to the socket;
 * otherwise (catching up, or filling a gap) it only notes the newest `seq` it heard, and the catch-up reads
 * up to it from the event log, so nothing is queued per subscription.
 */
export class Subscription {
  /** The newest `seq` this socket has been sent; -1 until `subscribed`. */
  lastSeq = -1;
  /** The newest `seq` heard from the bus while not live. */
  heardSeq = -1;
  /** Whether events go straight to the socket. */
  live = false;
  /** Whether the subscription counts in the channel's presence (and its socket has had the whole list). */
  present = false;
  closed = false;

  constructor(
    readonly session: Session,
    readonly channelId: string,
    readonly visibility: Visibility,
  ) {}
}

/** How many events one `subscribe` frame may still replay, across its channels. */
export interface ReplayBudget {
  left: number;
}
