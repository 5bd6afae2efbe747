import type { Channel, ConfabError, User } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ChatChannelSelectEvent } from '../events/chat-channel-select.js';
import { ChatElement } from '../shared/chat-element.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatChannelListStyles } from './chat-channel-list.styles.js';

type Panel = 'none' | 'browse' | 'create' | 'direct';

/**
 * The joined channels, most recent activity first, with unread and `@` mention badges and the active one marked; a
 * listbox navigated with the arrow keys (roving tabindex). Below it: browse and join public channels,
 * create a channel, start a direct message.
 *
 * @fires chat-channel-select - A channel was picked (also after joining or creating one).
 * @csspart list - The list of channels.
 * @csspart channel - One channel.
 * @csspart badge - An unread count.
 * @csspart mention-badge - How many unread messages mention you (`@2`).
 * @csspart tools - The browse / create / direct-message area.
 * @csspart error - Why a channel could not be created (its name is taken, say).
 * @slot footer - Below the tools (a sign-out button, say).
 *
 * @tagname chat-channel-list
 */
export class ChatChannelListElement extends ChatElement {
  static override styles = [themeStyles, chatChannelListStyles];

  /** The id of the channel shown now. */
  @property() active = '';
  @state() private panel: Panel = 'none';
  @state() private publicChannels: Channel[] = [];
  @state() private found: User[] = [];
  @state() private focusIndex = 0;
  /** Why the last channel could not be created. */
  @state() private createError = '';
  readonly #channels = new StoreController<Channel[]>(this, []);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#channels.follow(this.client?.$channels);
    const index = this.#channels.value.findIndex((c) => c.id === this.active);
    if (changed.has('active') && index >= 0) this.focusIndex = index;
  }

  #select(channelId: string): void {
    if (this.dispatchEvent(new ChatChannelSelectEvent(channelId))) this.active = channelId;
  }

  #keydown = (e: KeyboardEvent) => {
    const count = this.#channels.value.length;
    if (!count) return;
    const moves: Record<string, number> = {
      ArrowDown: this.focusIndex + 1,
      ArrowUp: this.focusIndex - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[e.key];
    if (next !== undefined) {
      e.preventDefault();
      this.focusIndex = Math.max(0, Math.min(count - 1, next));
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.focusIndex}"]`)?.focus(),
      );
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const channel = this.#channels.value[this.focusIndex];
      if (channel) this.#select(channel.id);
    }
  };

  async #toggle(panel: Panel): Promise<void> {
    this.panel = this.panel === panel ? 'none' : panel;
    if (this.panel === 'browse' && this.client)
      this.publicChannels = await this.client.publicChannels().catch(() => []);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.panel input, .panel button')?.focus();
  }

  /** Runs a join, create or direct-message action and opens the channel it yields. */
  async #open(action: Promise<Channel>): Promise<void> {
    const channel = await action.catch(() => undefined);
    if (!channel) return;
    this.panel = 'none';
    this.#select(channel.id);
  }

  async #create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const name = String(form.get('name') ?? '').trim();
    const visibility = form.get('visibility') === 'private' ? 'private' : 'public';
    if (!name || !this.client) return;
    this.createError = '';
    const created = this.client.createChannel({ name, visibility });
    created.catch((error: ConfabError) => {
      this.createError = error.code === 'name_taken' ? this.t.nameTaken : error.detail;
    });
    await this.#open(created);
  }

  async #search(e: InputEvent): Promise<void> {
    const q = (e.target as HTMLInputElement).value.trim();
    const me = this.client?.$me.get()?.id;
    const found = q && this.client ? await this.client.searchUsers(q).catch(() => []) : [];
    this.found = found.filter((u) => u.id !== me);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const channels = this.#channels.value;
    return html`<h2 id="heading">${t.channels}</h2>
      <ul part="list" role="listbox" aria-labelledby="heading" @keydown=${this.#keydown}>
        ${channels.map((c, i) => {
          const unread = c.unreadCount ?? 0;
          const mentions = c.unreadMentionCount ?? 0;
          const label = `${c.visibility === 'direct' ? '@' : '#'} ${c.name}${unread ? `, ${t.unread(unread)}` : ''}${mentions ? `, ${t.mentions(mentions)}` : ''}`;
          return html`<li
            part="channel"
            role="option"
            data-index=${i}
            class=${unread ? 'unread' : ''}
            aria-selected=${c.id === this.active ? 'true' : 'false'}
            aria-label=${label}
            tabindex=${i === this.focusIndex ? 0 : -1}
            @click=${() => {
              this.focusIndex = i;
              this.#select(c.id);
            }}
          >
            <span aria-hidden="true">${c.visibility === 'direct' ? '@' : '#'}</span>
            <span class="name">${c.name}</span>
            ${mentions ? html`<span part="mention-badge" class="badge mention" aria-hidden="true" data-count=${mentions}></span>` : nothing}
            ${unread ? html`<span part="badge" class="badge" aria-hidden="true">${unread}</span>` : nothing}
          </li>`;
        })}
      </ul>
      <div part="tools" class="tools">
        <button aria-expanded=${this.panel === 'browse'} @click=${() => this.#toggle('browse')}>${t.publicChannels}</button>
        ${this.panel === 'browse' ? this.#renderBrowse() : nothing}
        <button aria-expanded=${this.panel === 'create'} @click=${() => this.#toggle('create')}>${t.createChannel}</button>
        ${
          this.panel === 'create'
            ? html`<form class="panel" @submit=${this.#create}>
              <input
                name="name"
                aria-label=${t.channelName}
                placeholder=${t.channelName}
                required
                maxlength="80"
                aria-invalid=${this.createError ? 'true' : 'false'}
                aria-describedby="create-error"
                @input=${() => (this.createError = '')}
              />
              <select name="visibility" aria-label=${t.visibility}>
                <option value="public">${t.public}</option>
                <option value="private">${t.private}</option>
              </select>
              <button type="submit">${t.create}</button>
              <div id="create-error" part="error" class="error" role="alert">${this.createError}</div>
            </form>`
            : nothing
        }
        <button aria-expanded=${this.panel === 'direct'} @click=${() => this.#toggle('direct')}>${t.directMessage}</button>
        ${
          this.panel === 'direct'
            ? html`<div class="panel browse">
              <input aria-label=${t.username} placeholder=${t.username} @input=${this.#search} />
              <ul>
                ${this.found.map(
                  (u) => html`<li>
                    <span>${u.displayName} (@${u.username})</span>
                    <button @click=${() => this.client && this.#open(this.client.openDirect(u.id))} aria-label=${`${t.start} ${u.displayName}`}>${t.start}</button>
                  </li>`,
                )}
              </ul>
            </div>`
            : nothing
        }
        <slot name="footer"></slot>
      </div>`;
  }

  #renderBrowse() {
    const joined = new Set(this.#channels.value.map((c) => c.id));
    return html`<div class="panel browse">
      <ul>
        ${this.publicChannels.map(
          (c) => html`<li>
            <span># ${c.name}</span>
            ${
              joined.has(c.id)
                ? nothing
                : html`<button @click=${() => this.client && this.#open(this.client.joinChannel(c.id))} aria-label=${`${this.t.join} ${c.name}`}>${this.t.join}</button>`
            }
          </li>`,
        )}
      </ul>
    </div>`;
  }
}
