declare global {
  interface Window {
    /** The reference server's URL, set by web-test-runner.config.mjs. */
    CONFAB_SERVER: string;
  }
}

/** The Mocha globals that @web/test-runner provides, typed (the repo carries no @types/mocha). */
interface MochaGlobals {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
  afterEach(body: () => void | Promise<void>): void;
}

export const { describe, it, afterEach } = globalThis as unknown as MochaGlobals;
