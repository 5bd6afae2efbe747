import type { ChatClient } from '@confab/core';
import { createContext } from '@lit/context';

/** The client that a `<chat-room>` (or an app) provides to every element inside it. */
export const chatClientContext = createContext<ChatClient | undefined>(Symbol.for('confab.client'));
