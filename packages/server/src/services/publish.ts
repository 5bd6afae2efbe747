import type { EventFrame } from '@confab/protocol';

/** Hands committed events to the bus, in `seq` order. Called only after the transaction commits. */
export type Publish = (events: readonly EventFrame[]) => Promise<void>;
