import type { User } from '@confab/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { avatar } from '../shared/avatar.js';
import type { ChatStrings } from '../shared/strings.js';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Who is signed in (avatar and name) and, for the built-in sign-in, a menu button (WAI-ARIA menu button
 * pattern) whose menu signs out: Enter, Space or the arrow keys open it on its first item, the arrow keys
 * move between items, Escape closes it and returns to the button, and leaving it closes it.
 */
export class AccountMenu implements ReactiveController {
  #open = false;

  constructor(
    private readonly host: Host,
    private readonly signOut: () => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#open = false;
  }

  #items(): HTMLElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('.account [role="menuitem"]')];
  }

  async #show(open: boolean, focus: 'first' | 'last' | 'button' | 'none'): Promise<void> {
    this.#open = open;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const items = this.#items();
    if (focus === 'first') items[0]?.focus();
    else if (focus === 'last') items.at(-1)?.focus();
    else if (focus === 'button') this.host.renderRoot.querySelector<HTMLElement>('.account > button')?.focus();
  }

  #buttonKeydown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.#show(true, e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  #menuKeydown = (e: KeyboardEvent) => {
    const items = this.#items();
    const at = items.indexOf(e.composedPath()[0] as HTMLElement);
    const next: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      void this.#show(false, 'button');
    } else if (next[e.key] !== undefined) {
      e.preventDefault();
      items[(next[e.key]! + items.length) % items.length]?.focus();
    } else if (e.key === 'Tab') {
      void this.#show(false, 'none');
    }
  };

  #focusout = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (this.#open && !(to && (e.currentTarget as HTMLElement).contains(to))) void this.#show(false, 'none');
  };

  /** The account area for `user`; with `canSignOut`, a menu button offering "Sign out". */
  render(user: User | null, t: ChatStrings, canSignOut: boolean): TemplateResult | typeof nothing {
    if (!user) return nothing;
    const who = html`${avatar(user)}<span class="name">${user.displayName}</span>`;
    if (!canSignOut)
      return html`<div part="account" class="account" slot="footer" title=${`${t.signedInAs(user.displayName)} (@${user.username})`}>
        ${who}
      </div>`;
    return html`<div class="account" slot="footer" @focusout=${this.#focusout}>
      <button
        part="account"
        aria-label=${t.signedInAs(user.displayName)}
        aria-haspopup="menu"
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls="account-menu"
        @click=${() => this.#show(!this.#open, this.#open ? 'none' : 'first')}
        @keydown=${this.#buttonKeydown}
      >
        ${who}
      </button>
      <div part="account-menu" class="popup" ?hidden=${!this.#open}>
        <p class="handle">@${user.username}</p>
        <div id="account-menu" role="menu" aria-label=${t.account} @keydown=${this.#menuKeydown}>
          <button role="menuitem" tabindex="-1" @click=${this.signOut}>${t.signOut}</button>
        </div>
      </div>
    </div>`;
  }
}
