import type { Scope, User } from '@confab/protocol';
import { ChatError } from '../errors.js';

/** The caller of a request or the owner of a socket: a user, the scopes their token carries, and whether they administer the deployment. */
export interface Actor {
  user: User;
  scopes: Scope[];
  /** A deployment administrator: may do what a channel owner may, in every channel. */
  admin: boolean;
}

/** Throws `insufficient_scope` unless the actor's token carries `scope`. */
export function requireScope(actor: Actor, scope: Scope): void {
  if (!actor.scopes.includes(scope)) {
    throw new ChatError('insufficient_scope', `This needs a token with the "${scope}" scope.`);
  }
}
