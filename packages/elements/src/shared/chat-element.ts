import type { ChatClient } from '@confab/core';
import { ContextConsumer } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { chatClientContext } from './context.js';
import { type ChatStrings, defaultStrings } from './strings.js';

/**
 * The base of every Confab element: the shared client (from the nearest provider, or set directly),
 * replaceable strings, and a `define()` that tolerates a second registration of the same tag.
 *
 * @cssproperty --chat-background - Page background of the chat.
 * @cssproperty --chat-surface - Background of the sidebar, hovered messages and code.
 * @cssproperty --chat-text - Text colour.
 * @cssproperty --chat-muted - Secondary text (times, hints).
 * @cssproperty --chat-border - Lines between parts.
 * @cssproperty --chat-accent - Links, buttons, the active channel.
 * @cssproperty --chat-on-accent - Text on the accent colour.
 * @cssproperty --chat-mine - Background of your own messages.
 * @cssproperty --chat-danger - Errors and unread badges.
 * @cssproperty --chat-highlight - A message jumped to; banners.
 * @cssproperty --chat-radius - Corner radius (8px).
 * @cssproperty --chat-spacing - The base spacing unit (8px).
 * @cssproperty --chat-font - Font family.
 * @cssproperty --chat-font-size - Base font size (15px).
 * @cssproperty --chat-density - Vertical density factor (1; 0.6 is compact).
 */
export class ChatElement extends LitElement {
  /** Registers the element under `tag`, unless the same class (or one from another copy) already has it. */
  static define(tag: string): void {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass being registered, not ChatElement.
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** The client to use; provided by an enclosing `<chat-room>`, or set by the app. */
  @property({ attribute: false })
  client: ChatClient | undefined;

  constructor() {
    super();
    new ContextConsumer(this, {
      context: chatClientContext,
      subscribe: true,
      callback: (client) => {
        this.client = client;
      },
    });
  }

  /** Replacements for any of the default texts (see `defaultStrings`). */
  @property({ attribute: false })
  strings: Partial<ChatStrings> = {};

  /** The texts in use: the defaults with `strings` on top. */
  protected get t(): ChatStrings {
    return { ...defaultStrings, ...this.strings } as ChatStrings;
  }

  /** The document's language, for dates and numbers. */
  protected get locale(): string | undefined {
    return this.closest('[lang]')?.getAttribute('lang') || undefined;
  }
}
