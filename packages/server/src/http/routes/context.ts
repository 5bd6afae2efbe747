import type { FastifyInstance } from 'fastify';
import type { SharedRateLimit } from '../../rate-limit.js';
import type { AuthService } from '../../services/auth-service.js';
import type { ChannelService } from '../../services/channel-service.js';
import type { MessageService } from '../../services/message-service.js';
import type { UploadService } from '../../uploads/upload-service.js';
import type { Authenticate } from '../contract-route.js';

/** What the route modules need: the app to register on and the services behind it. */
export interface RouteContext {
  app: FastifyInstance;
  authenticate: Authenticate;
  auth: AuthService;
  channels: ChannelService;
  messages: MessageService;
  uploads: UploadService;
  authLimiter: SharedRateLimit;
  /** Writes other than messages, per user (the services take it too). */
  writeLimiter: SharedRateLimit;
}
