import type { AddedFrame, EventFrame, MentionFrame, PresenceFrame, TypingServerFrame } from '@confab/protocol';

/** What one server process tells the others (and itself) about a channel, or about one user. */
export type BusMessage =
  | { kind: 'event'; frame: EventFrame }
  | { kind: 'typing'; frame: TypingServerFrame }
  | { kind: 'presence'; frame: PresenceFrame }
  | { kind: 'channel-deleted'; channelId: string }
  | { kind: 'added'; userId: string; frame: AddedFrame }
  /** A new message mentions these users (for `@channel`, every member but the author): to all their sockets. */
  | { kind: 'mention'; userIds: string[]; frame: MentionFrame }
  /** Every session of the user ended (sign out everywhere, password change): their sockets close. */
  | { kind: 'signed-out'; userId: string };

/**
 * Fan-out between the processes of a deployment. Every process publishes what it committed and hears
 * everything published, including its own messages, and delivers it to its own sockets. Publishing never
 * fails a caller: what a process misses while the bus is down it recovers from the event log by `seq`.
 */
export interface Bus {
  publish(message: BusMessage): Promise<void>;
  /** Listens to every message; returns the function that stops listening. */
  subscribe(listener: (message: BusMessage) => void): () => void;
  /**
   * Listens for the moments after which messages may have been missed (the bus reconnected after an outage),
   * so listeners catch up from the event log; returns the function that stops listening.
   */
  onResume(listener: () => void): () => void;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
