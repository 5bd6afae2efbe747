import type { ChaosOptions } from './chaos-run.js';

/** The roughness every run shares; size and length vary. */
export function chaosOptions(
  size: Pick<ChaosOptions, 'seed' | 'bots' | 'channels' | 'seconds'> & Partial<ChaosOptions>,
): ChaosOptions {
  return {
    restartsPerKind: Math.max(2, Math.round(size.seconds / 60)),
    sendEveryMs: [150, 900],
    faultEveryMs: [100, 600],
    stallMs: [300, 6000],
    downMs: [0, 1000],
    heartbeatMs: 2000,
    replayWindow: 100,
    settleTimeoutMs: 60_000,
    ...size,
  };
}
