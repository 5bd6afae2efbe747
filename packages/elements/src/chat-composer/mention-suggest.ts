import type { ChannelRoom } from '@confab/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One suggestion: a member, or `@channel`. */
export interface Suggestion {
  username: string;
  /** What is shown beside `@username`: the display name, or what `@channel` does. */
  label: string;
}

/** `@` and the letters typed after it, up to the caret, at the start of the text or after a space. */
const TYPED = /(?:^|\s)@([A-Za-z0-9_.-]{1,32})$/;

/** How long typing must pause before the members are searched, in ms. */
const DEBOUNCE_MS = 120;

/**
 * The `@mention` autocomplete of a text area: typing `@` and letters looks up the room's members (debounced)
 * and offers them, with `@channel`; the arrow keys move through the suggestions, Enter or Tab inserts the
 * active one as `@username `, Escape closes the list (until the next `@`). The host renders `options` and
 * re-renders on every change.
 */
export class MentionSuggest implements ReactiveController {
  options: Suggestion[] = [];
  active = 0;
  /** The suggestions were asked for (the list is open, even with no match). */
  open = false;
  /** Where the `@` being completed is in the text. */
  #at = -1;
  #dismissedAt = -1;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly room: () => ChannelRoom | undefined,
    private readonly channelLabel: () => string,
  ) {
    host.addController(this);
  }

  /** Follows the text and the caret: opens, narrows or closes the suggestions. */
  update(input: HTMLTextAreaElement): void {
    const before = input.value.slice(0, input.selectionStart);
    const typed = TYPED.exec(before);
    const at = typed ? before.length - typed[1]!.length - 1 : -1;
    clearTimeout(this.#timer);
    if (!typed) this.#dismissedAt = -1;
    if (!typed || at === this.#dismissedAt) {
      this.close();
      return;
    }
    this.#at = at;
    const prefix = typed[1]!;
    this.#timer = setTimeout(async () => {
      const users =
        (await this.room()
          ?.searchMembers(prefix, 8)
          .catch(() => [])) ?? [];
      if (this.#at !== at) return;
      const everyone = 'channel'.startsWith(prefix.toLowerCase());
      this.options = [
        ...users.map((u) => ({ username: u.username, label: u.displayName })),
        ...(everyone ? [{ username: 'channel', label: this.channelLabel() }] : []),
      ];
      this.active = 0;
      this.open = true;
      this.host.requestUpdate();
    }, DEBOUNCE_MS);
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#at = -1;
    if (!this.open) return;
    this.open = false;
    this.options = [];
    this.host.requestUpdate();
  }

  /** Handles the list's keys; returns whether the key was used. */
  keydown(event: KeyboardEvent, input: HTMLTextAreaElement): boolean {
    if (!this.open) return false;
    const count = this.options.length;
    if (event.key === 'Escape') {
      this.#dismissedAt = this.#at;
      this.close();
    } else if (!count) return false;
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
      this.host.requestUpdate();
    } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) this.pick(this.active, input);
    else return false;
    event.preventDefault();
    event.stopPropagation();
    return true;
  }

  /** Replaces the `@` and the letters typed after it with the chosen `@username `. */
  pick(index: number, input: HTMLTextAreaElement): void {
    const option = this.options[index];
    if (!option || this.#at < 0) return;
    const caret = input.selectionStart;
    const inserted = `@${option.username} `;
    input.setRangeText(inserted, this.#at, caret, 'end');
    this.close();
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  hostDisconnected(): void {
    this.close();
  }
}
