import { type ChannelInfo, type ChannelRoom, type Draft, type Me, type MessageBody, postBlocker } from '@confab/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { untilTime } from '../chat-moderation/until.js';
import { ChatEditLastEvent } from '../events/chat-edit-last.js';
import { ChatMessageSendEvent } from '../events/chat-message-send.js';
import { ChatElement } from '../shared/chat-element.js';
import { fileSize } from '../shared/file-size.js';
import { RoomController } from '../shared/room-controller.js';
import { StoreController } from '../shared/store-controller.js';
import { themeStyles } from '../shared/theme.styles.js';
import { chatComposerStyles } from './chat-composer.styles.js';
import { MentionSuggest } from './mention-suggest.js';
import { type Attachment, bodyOf, Uploads } from './uploads.js';

/** How close to the limit (in characters) the counter appears. */
const COUNT_FROM = 500;
const LOADING: ChannelInfo = { status: 'loading' };
/** The longest a timer waits (about 24.8 days); a mute that ends later is looked at again then. */
const MAX_TIMER = 2 ** 31 - 1;

/**
 * Where messages are written: Enter sends, Shift+Enter adds a line, ArrowUp in an empty composer edits
 * your last message, Escape clears the draft. The text is the channel's (or thread's) draft, kept per
 * channel and thread and across reloads. Near `max-length` a counter shows what is left; past it the
 * composer says so and does not send. Its direction follows the text (`dir="auto"`; empty, the page's). Tells the
 * channel you are typing (throttled).
 *
 * Files come from the attach button, a paste or a drop (or {@link ChatComposerElement.addFiles}); each starts
 * uploading at once, with its progress and Cancel, and Retry or Remove if it fails. Send stays disabled
 * until every upload has finished; it then sends the text (if any) and one message per file.
 *
 * Typing `@` and letters suggests the channel's members (and `@channel`): the arrow keys choose, Enter or
 * Tab inserts `@username`, Escape closes the list and keeps the text. The text area follows the combobox
 * pattern as far as a `<textarea>` may (`aria-autocomplete`, `aria-controls`, `aria-activedescendant`; it
 * keeps its textbox role), and the number of suggestions is announced.
 *
 * When the channel is archived, read-only (for members), or the user is muted, the composer gives way to a
 * note saying so ("This channel is archived", "Only owners and moderators can post here", "You are muted
 * until 14:30"), and comes back by itself when that changes (or the mute ends).
 *
 * @fires chat-message-send - Before sending each message (the text, each file); cancel it to send that message yourself.
 * @fires chat-edit-last - ArrowUp in an empty composer.
 * @csspart form - The composer's frame.
 * @csspart input - The text area.
 * @csspart attach-button - The button that picks files to attach.
 * @csspart attachments - The list of attached files.
 * @csspart attachment - One attached file: name, size, progress or error, and its buttons.
 * @csspart progress - An upload's progress bar.
 * @csspart suggestions - The `@mention` suggestions (a listbox).
 * @csspart suggestion - One suggestion.
 * @csspart send - The send button.
 * @csspart counter - Characters left, near the limit.
 * @csspart error - Why the message was not sent (too long).
 * @csspart reason - Why posting is not possible, when it is not.
 * @csspart blocked - The note shown instead of the composer in an archived or read-only channel, or while muted.
 *
 * @tagname chat-composer
 */
export class ChatComposerElement extends ChatElement {
  static override styles = [themeStyles, chatComposerStyles];

  /** The channel to post in. */
  @property() channel = '';
  /** Post replies to this message (a thread's composer). */
  @property({ attribute: 'parent-id' }) parentId: string | null = null;
  /** When set, the composer is disabled and shows this reason. */
  @property({ attribute: 'disabled-reason' }) disabledReason = '';
  /** The longest message the server takes, in characters (the reference server's limit by default). */
  @property({ type: Number, attribute: 'max-length' }) maxLength = 4000;
  /** A send was refused for being too long (until the text changes). */
  @state() private refused = false;
  /** Files are dragged over the composer. */
  @state() private dragging = false;
  readonly #text = new StoreController<string>(this, '');
  readonly #info = new StoreController<ChannelInfo>(this, LOADING);
  readonly #me = new StoreController<Me | null>(this, null);
  #muteEnds: ReturnType<typeof setTimeout> | undefined;
  readonly #rooms = new RoomController(this);
  readonly #uploads = new Uploads(this, () => this.#room);
  readonly #suggest = new MentionSuggest(
    this,
    () => this.#room,
    () => this.t.mentionChannel,
  );
  #room: ChannelRoom | undefined;
  #draft: Draft | undefined;

  get #textarea(): HTMLTextAreaElement {
    return this.renderRoot.querySelector('textarea')!;
  }

  /** Moves focus into the text area. */
  override focus(): void {
    this.#textarea?.focus();
  }

  /** Attaches files, as the attach button, a paste or a drop does: each starts uploading at once. */
  addFiles(files: Iterable<File>): void {
    if (!this.disabledReason && !this.blocked) this.#uploads.add(files);
  }

  /** Why the channel takes no messages from the user now (`archived`, `read_only`, `muted`), or null. */
  get blocked(): ReturnType<typeof postBlocker> {
    const info = this.#info.value;
    return postBlocker(info.status === 'ready' ? info.channel : undefined, this.#me.value);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#muteEnds);
  }

  protected override updated(): void {
    // A mute ends by itself: look again then.
    clearTimeout(this.#muteEnds);
    const info = this.#info.value;
    const until = info.status === 'ready' && this.blocked === 'muted' ? info.channel.mutedUntil : undefined;
    if (until)
      this.#muteEnds = setTimeout(() => this.requestUpdate(), Math.min(MAX_TIMER, Date.parse(until) - Date.now() + 50));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#me.follow(this.client?.$me);
    const room = this.#rooms.of(this.client, this.channel);
    if (room !== this.#room || changed.has('parentId')) {
      this.#room = room;
      this.#draft = room?.draft(this.parentId ?? undefined);
      this.#text.follow(this.#draft?.$text);
      this.#info.follow(room?.$info);
      this.refused = false;
      this.#uploads.clear();
      this.#suggest.close();
    }
  }

  #send(): void {
    const text = this.#textarea.value.trim();
    const room = this.#room;
    const files = this.#uploads.ready;
    if ((!text && !files.length) || this.disabledReason || this.blocked || !room || this.#uploads.busy) return;
    if ([...text].length > this.maxLength) {
      this.refused = true;
      return;
    }
    const bodies: MessageBody[] = [...(text ? [{ type: 'text' as const, text }] : []), ...files.map(bodyOf)];
    this.#setText('');
    this.#uploads.clearReady();
    for (const body of bodies) {
      if (!this.dispatchEvent(new ChatMessageSendEvent(body, this.parentId))) continue;
      void room.send(body, this.parentId ? { parentId: this.parentId } : {}).catch(() => {}); // a failure shows on the echo
    }
  }

  #setText(text: string): void {
    this.#textarea.value = text;
    this.#draft?.set(text);
    this.refused = false;
  }

  #submit = (e: Event) => {
    e.preventDefault();
    this.#send();
  };

  #keydown = (e: KeyboardEvent) => {
    if (e.isComposing || this.#suggest.keydown(e, this.#textarea)) return;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      this.#send();
    } else if (e.key === 'ArrowUp' && !this.#textarea.value) {
      if (this.dispatchEvent(new ChatEditLastEvent())) e.preventDefault();
    } else if (e.key === 'Escape' && this.#textarea.value) {
      e.stopPropagation();
      this.#setText('');
    }
  };

  #input = () => {
    this.#draft?.set(this.#textarea.value);
    this.refused = false;
    this.#suggest.update(this.#textarea);
    if (this.#textarea.value) this.#room?.typing();
  };

  /** Files pasted (a screenshot, copied files) are attached; a copy from a document (with HTML) pastes its text. */
  #paste = (e: ClipboardEvent) => {
    const data = e.clipboardData;
    if (!data?.files.length || data.types.includes('text/html')) return;
    e.preventDefault();
    this.addFiles(data.files);
  };

  #dragover = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files') || this.disabledReason) return;
    e.preventDefault();
    this.dragging = true;
  };

  #drop = (e: DragEvent) => {
    this.dragging = false;
    if (!e.dataTransfer?.files.length || this.disabledReason) return;
    e.preventDefault();
    this.addFiles(e.dataTransfer.files);
  };

  #renderAttachment = (a: Attachment) => {
    const t = this.t;
    const name = a.file.name;
    const button = (label: string, aria: string, run: () => void) =>
      html`<button type="button" class="small" aria-label=${aria} @click=${run}>${label}</button>`;
    return html`<li part="attachment" class=${a.status}>
      <span class="name">${name}</span>
      <span class="size">${fileSize(a.file.size, this.locale)}</span>
      ${
        a.status === 'uploading'
          ? html`<progress part="progress" max=${a.total || 1} .value=${a.loaded} aria-label=${t.uploading(name)}></progress>
            ${button(t.cancel, t.cancelUpload(name), () => this.#uploads.remove(a))}`
          : a.status === 'failed'
            ? html`<span class="error" role="alert">${t.uploadFailed(name, a.error ?? '')}</span>
              ${button(t.retry, t.retryUpload(name), () => this.#uploads.retry(a))}`
            : nothing
      }
      ${a.status === 'uploading' ? nothing : button(a.status === 'failed' ? t.remove : '✕', t.removeFile(name), () => this.#uploads.remove(a))}
    </li>`;
  };

  #renderSuggestions() {
    const s = this.#suggest;
    return html`${
      s.open && s.options.length
        ? html`<ul part="suggestions" id="suggestions" class="suggestions" role="listbox" aria-label=${this.t.mentionList}>
          ${s.options.map(
            (o, i) => html`<li
              part="suggestion"
              id=${`suggestion-${i}`}
              role="option"
              aria-selected=${i === s.active ? 'true' : 'false'}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => s.pick(i, this.#textarea)}
            >
              <span class="handle">@${o.username}</span> <span class="label">${o.label}</span>
            </li>`,
          )}
        </ul>`
        : nothing
    }
      <div class="visually-hidden" role="status">${s.open ? this.t.suggestions(s.options.length) : ''}</div>`;
  }

  /** The note standing in for the composer while the channel takes no messages from the user. */
  #renderBlocked(blocked: NonNullable<ReturnType<typeof postBlocker>>) {
    const t = this.t;
    const info = this.#info.value;
    const until = info.status === 'ready' ? info.channel.mutedUntil : undefined;
    const text =
      blocked === 'archived'
        ? t.archivedNote
        : blocked === 'read_only'
          ? t.readOnlyNote
          : t.mutedNote(until ? untilTime(until, this.locale) : '');
    return html`<div part="blocked" class="blocked" role="status">${text}</div>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const blocked = this.disabledReason ? null : this.blocked;
    if (blocked) return this.#renderBlocked(blocked);
    const disabled = !!this.disabledReason;
    const left = this.maxLength - [...this.#text.value.trim()].length;
    const over = left < 0;
    const count = left > COUNT_FROM ? '' : over ? t.tooLong(-left, this.maxLength) : t.charactersLeft(left);
    const files = this.#uploads.items;
    const busy = this.#uploads.busy;
    const suggest = this.#suggest;
    const listed = suggest.open && suggest.options.length > 0;
    return html`${this.#renderSuggestions()}
      ${
        files.length
          ? html`<ul part="attachments" class="attachments" aria-label=${t.attachments}>${files.map(this.#renderAttachment)}</ul>`
          : nothing
      }
      <form
        part="form"
        class=${this.dragging ? 'dragging' : ''}
        @submit=${this.#submit}
        @dragover=${this.#dragover}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.#drop}
      >
        <textarea
          part="input"
          rows="1"
          dir=${this.#text.value ? 'auto' : nothing}
          aria-label=${t.message}
          aria-describedby="hint counter"
          aria-invalid=${over ? 'true' : 'false'}
          aria-autocomplete="list"
          aria-controls=${listed ? 'suggestions' : nothing}
          aria-activedescendant=${listed ? `suggestion-${suggest.active}` : nothing}
          placeholder=${t.message}
          .value=${live(this.#text.value)}
          ?disabled=${disabled}
          @keydown=${this.#keydown}
          @input=${this.#input}
          @paste=${this.#paste}
          @blur=${() => suggest.close()}
        ></textarea>
        <span id="hint" class="visually-hidden">${disabled ? this.disabledReason : busy ? t.waitForUploads : t.sendHint}</span>
        <span part="counter" id="counter" class="counter ${over ? 'over' : ''}" title=${count}
          ><span aria-hidden="true">${count ? left : ''}</span><span class="visually-hidden">${count}</span></span
        >
        <button part="attach-button" class="attach" type="button" aria-label=${t.attach} ?disabled=${disabled} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d="M16.5 6.5 8.6 14.4a2 2 0 0 0 2.8 2.8l8-8a4 4 0 0 0-5.6-5.6l-8 8a6 6 0 0 0 8.5 8.5l6.2-6.2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
        </button>
        <input
          type="file"
          multiple
          hidden
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            this.addFiles(input.files ?? []);
            input.value = '';
          }}
        />
        <button part="send" type="submit" ?disabled=${disabled || busy}>${t.send}</button>
      </form>
      ${busy ? html`<div class="reason">${t.waitForUploads}</div>` : nothing}
      ${this.refused && over ? html`<div part="error" class="error" role="alert">${count}</div>` : nothing}
      ${disabled ? html`<div part="reason" class="reason">${this.disabledReason}</div>` : nothing}`;
  }
}
