import type { ConfabError } from '@confab/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ChatElement } from '../shared/chat-element.js';
import { themeStyles } from '../shared/theme.styles.js';

/**
 * Sign in or create an account with the server's built-in accounts (for sites without their own
 * tokens). Signing in sets the shared client's `$me`.
 *
 * @csspart form - The form.
 * @csspart error - Why the last attempt failed.
 *
 * @tagname chat-sign-in
 */
export class ChatSignInElement extends ChatElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        height: 100%;
        background: var(--_bg);
      }
      form {
        display: flex;
        flex-direction: column;
        gap: var(--_space);
        width: min(320px, 90%);
      }
      h2 {
        margin: 0;
        font-size: 1.2em;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 2px;
        font-size: 0.9em;
      }
      input {
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
      }
      button {
        padding: var(--_space);
        border-radius: var(--_radius);
        cursor: pointer;
        border: 1px solid var(--_border);
        background: var(--_bg);
      }
      button[type='submit'] {
        background: var(--_accent);
        color: var(--_on-accent);
        border: 0;
      }
      .error {
        color: var(--_danger);
      }
    `,
  ];

  @state() private mode: 'in' | 'up' = 'in';
  @state() private error = '';
  @state() private busy = false;

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (!this.client) return;
    const form = new FormData(e.target as HTMLFormElement);
    const input = { username: String(form.get('username')), password: String(form.get('password')) };
    this.busy = true;
    this.error = '';
    try {
      await (this.mode === 'in' ? this.client.login(input) : this.client.register(input));
    } catch (error) {
      this.error = (error as ConfabError).detail ?? String(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const title = this.mode === 'in' ? t.signIn : t.signUp;
    return html`<form part="form" @submit=${this.#submit} aria-labelledby="title">
      <h2 id="title">${title}</h2>
      <label>${t.username}<input name="username" autocomplete="username" required minlength="2" maxlength="32" /></label>
      <label
        >${t.password}<input
          name="password"
          type="password"
          autocomplete=${this.mode === 'in' ? 'current-password' : 'new-password'}
          required
          minlength=${this.mode === 'up' ? 8 : 1}
      /></label>
      ${this.error ? html`<div part="error" class="error" role="alert">${this.error}</div>` : nothing}
      <button type="submit" ?disabled=${this.busy}>${title}</button>
      <button type="button" @click=${() => (this.mode = this.mode === 'in' ? 'up' : 'in')}>
        ${this.mode === 'in' ? t.noAccount : t.haveAccount}
      </button>
    </form>`;
  }
}
