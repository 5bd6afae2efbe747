import { html, type LitElement, type TemplateResult } from 'lit';

/**
 * What a side panel beside the channel (thread, members, reports) does alike: its close button, which
 * takes focus when the panel does, and Escape anywhere in it (unless something inside handled it first);
 * both ask to close it with the event `closeEvent` makes.
 */
export class PanelController {
  readonly #host: LitElement;
  readonly #closeEvent: () => Event;

  constructor(host: LitElement, closeEvent: () => Event) {
    this.#host = host;
    this.#closeEvent = closeEvent;
    host.addEventListener('keydown', this.#keydown); // on the host itself: nothing to remove
  }

  /** Moves focus to the close button. */
  focus(options?: FocusOptions): void {
    this.#host.renderRoot.querySelector<HTMLElement>('[part="close"]')?.focus(options);
  }

  /** The close button, named for the panel it closes. */
  closeButton(label: string): TemplateResult {
    return html`<button part="close" class="plain" aria-label=${label} @click=${this.#close}>✕</button>`;
  }

  #close = () => {
    this.#host.dispatchEvent(this.#closeEvent());
  };

  #keydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    this.#close();
  };
}
