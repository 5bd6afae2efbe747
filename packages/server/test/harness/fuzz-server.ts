import { defaultConfig, type ServerConfig } from '../../src/index.js';

/**
 * Every rate limit of the server's configuration (any `…Rate` setting, including ones added later) set so
 * high that the harnesses measure correctness, not throttling.
 */
export function generousLimits(): Partial<ServerConfig> {
  return Object.fromEntries(
    Object.entries(defaultConfig)
      .filter(([name, value]) => /Rate$/.test(name) && typeof value === 'number')
      .map(([name]) => [name, 1_000_000]),
  ) as Partial<ServerConfig>;
}
