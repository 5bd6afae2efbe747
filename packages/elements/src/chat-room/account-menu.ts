import type { User } from '@confab/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { avatar } from '../shared/avatar.js';
import type { ChatStrings } from '../shared/strings.js';

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Who is signed in (avatar and name) and, for the built-in sign-in, a disclosure button (WAI-ARIA
 * disclosure pattern) opening the account panel: the username and "Sign out". Enter or Space toggles it,
 * Escape closes it and returns to the button.
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

  #toggle = async (open: boolean) => {
    this.#open = open;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(open ? '#account-panel button' : '[part="account"]')?.focus();
  };

  /** The account area for `user`; with `canSignOut`, a button opening a panel that signs out. */
  render(user: User | null, t: ChatStrings, canSignOut: boolean): TemplateResult | typeof nothing {
    if (!user) return nothing;
    const who = html`${avatar(user)}<span class="name">${user.displayName}</span>`;
    if (!canSignOut)
      return html`<div part="account" class="account" slot="footer" title=${`${t.signedInAs(user.displayName)} (@${user.username})`}>
        ${who}
      </div>`;
    return html`<div class="account" slot="footer" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#open && this.#toggle(false)}>
      <div part="account-menu" id="account-panel" class="panel" ?hidden=${!this.#open}>
        <span class="handle">@${user.username}</span>
        <button @click=${this.signOut}>${t.signOut}</button>
      </div>
      <button
        part="account"
        aria-label=${t.signedInAs(user.displayName)}
        aria-expanded=${this.#open ? 'true' : 'false'}
        aria-controls="account-panel"
        @click=${() => this.#toggle(!this.#open)}
      >
        ${who}
      </button>
    </div>`;
  }
}
