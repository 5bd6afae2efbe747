export type { Bus, BusMessage } from './bus/bus.js';
export { configFromEnv, defaultConfig, type ServerConfig } from './config.js';
export type { ChatRepository } from './repository/repository.js';
export { type RunningServer, startServer } from './server.js';
