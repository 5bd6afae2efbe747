import type { Scope, User } from '@confab/protocol';
import { ChatError } from '../errors.js';

/** The caller of a request or the owner of a socket: a user and the scopes their token carries. */
export interface Actor {
  user: User;
  scopes: Scope[];
}

/** Throws `insufficient_scope` unless the actor's token carries `scope`. */
export function requireScope(actor: Actor, scope: Scope): void {
  if (!actor.scopes.includes(scope)) {
    throw new ChatError('insufficient_scope', `This needs a token with the "${scope}" scope.`);
  }
}
