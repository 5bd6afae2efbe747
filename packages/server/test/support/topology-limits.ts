/**
 * Limits lifted for load tests: hundreds of sockets and users come from one address (nginx) and send as
 * fast as they can. The conformance run keeps the defaults, since the kit checks them.
 */
export const liftedLimits: NodeJS.ProcessEnv = {
  CONFAB_SEND_RATE: '100000',
  CONFAB_WRITE_RATE: '100000',
  CONFAB_AUTH_RATE: '100000',
  CONFAB_FRAME_RATE: '100000',
  CONFAB_USER_FRAME_RATE: '100000',
  CONFAB_MAX_SOCKETS_PER_USER: '100000',
};

/** `CONFAB_SCALE_FULL=1` runs the full sizes (300 sockets per process…); CI runs smaller ones. */
export const fullScale = process.env.CONFAB_SCALE_FULL === '1';
