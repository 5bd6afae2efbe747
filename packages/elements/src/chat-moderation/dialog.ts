import type { Channel, UpdateChannelRequest } from '@confab/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ChatStrings } from '../shared/strings.js';
import { DURATIONS } from './until.js';

/** Which moderation dialog to show, and what it is about. */
export type DialogRequest =
  | { kind: 'ban'; name: string }
  | { kind: 'mute'; name: string }
  | { kind: 'report' }
  | { kind: 'confirm'; title: string; text: string; submit: string }
  | { kind: 'settings'; channel: Channel };

/** What the user entered: a reason, an end (`null`: none), the changed channel settings. */
export interface DialogValues {
  reason?: string;
  until?: string;
  patch?: UpdateChannelRequest;
}

/** Carries out what the dialog asked for; a rejection keeps the dialog open, saying why. */
export type DialogSubmit = (values: DialogValues) => unknown;

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** A dialog's title, its primary button's label, and whether that button is a dangerous one. */
function heading(t: ChatStrings, request: DialogRequest): [string, string, boolean] {
  switch (request.kind) {
    case 'ban':
      return [t.banTitle(request.name), t.banSubmit, true];
    case 'mute':
      return [t.muteTitle(request.name), t.muteSubmit, true];
    case 'report':
      return [t.reportTitle, t.reportSubmit, false];
    case 'confirm':
      return [request.title, request.submit, true];
    case 'settings':
      return [t.settingsTitle, t.save, false];
  }
}

/** The focused element, looking into shadow roots. */
export function focusedElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** `datetime-local`'s value for a moment (local time, to the minute). */
const localInput = (at: number) => {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

const stop = (event: Event) => event.stopPropagation();

/**
 * The moderation dialogs of an element (ban, mute, report, a confirmation, channel settings), one at a time:
 * a modal `<dialog>` (labelled by its title; the browser keeps focus inside and closes it with Escape), and
 * focus back on the control that opened it when it closes. Render {@link ModerationDialog.render} in the
 * host's template and give the host {@link dialogStyles}.
 */
export class ModerationDialog implements ReactiveController {
  #request: DialogRequest | undefined;
  #submit: DialogSubmit | undefined;
  #opener: HTMLElement | undefined;
  #error = '';
  #busy = false;
  #custom = false;

  constructor(
    private readonly host: Host,
    private readonly strings: () => ChatStrings,
  ) {
    host.addController(this);
  }

  /** What the open dialog is about, if one is open. */
  get request(): DialogRequest | undefined {
    return this.#request;
  }

  hostDisconnected(): void {
    this.#request = undefined;
  }

  /** Opens a dialog; `submit` runs on its primary button. Focus returns to `opener` (default: the focused element). */
  async show(request: DialogRequest, submit: DialogSubmit, opener = focusedElement()): Promise<void> {
    this.#request = request;
    this.#submit = submit;
    this.#opener = opener;
    this.#error = '';
    this.#busy = false;
    this.#custom = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('.moderation-dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  #update(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  #close = (event: Event) => {
    (event.currentTarget as HTMLElement).closest('dialog')?.close();
  };

  #closed = () => {
    const opener = this.#opener;
    this.#update(() => {
      this.#request = undefined;
      this.#opener = undefined;
    });
    if (!opener?.isConnected) return;
    opener.focus();
    // A control shown only while focus is inside its element (a hover toolbar): focus the element first.
    if (focusedElement() !== opener) {
      this.host.focus();
      opener.focus();
    }
  };

  #values(form: HTMLFormElement, request: DialogRequest): DialogValues {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    if (request.kind === 'report') return { reason: text('reason') };
    if (request.kind === 'settings') {
      const { channel } = request;
      const patch: UpdateChannelRequest = {};
      if (text('topic') !== channel.topic) patch.topic = text('topic');
      for (const key of ['readOnly', 'archived', 'membersCanPin'] as const)
        if (data.has(key) !== !!channel[key]) patch[key] = data.has(key);
      return { patch };
    }
    if (request.kind === 'confirm') return {};
    const duration = text('duration');
    const values: DialogValues = {};
    if (text('reason')) values.reason = text('reason');
    if (duration === 'custom') values.until = new Date(text('until')).toISOString();
    else if (duration in DURATIONS)
      values.until = new Date(Date.now() + DURATIONS[duration as keyof typeof DURATIONS]).toISOString();
    return values;
  }

  #onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const request = this.#request;
    if (!request || this.#busy) return;
    const values = this.#values(form, request);
    this.#update(() => {
      this.#busy = true;
      this.#error = '';
    });
    try {
      await this.#submit?.(values);
      form.closest('dialog')?.close();
    } catch (error) {
      const why = (error as { detail?: string }).detail ?? (error as Error).message ?? String(error);
      this.#error = this.strings().failedAction(why);
    } finally {
      this.#update(() => (this.#busy = false));
    }
  };

  #durations(t: ChatStrings, kind: 'ban' | 'mute') {
    const options: [string, string][] = [
      ['hour', t.hour],
      ['day', t.day],
      ['week', t.week],
      kind === 'ban' ? ['forever', t.forever] : ['custom', t.custom],
    ];
    const chosen = kind === 'ban' ? 'day' : 'hour';
    const now = Date.now();
    return html`<fieldset>
        <legend>${t.duration}</legend>
        ${options.map(
          ([value, label]) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="duration"
                value=${value}
                ?checked=${value === chosen}
                @change=${(e: Event) => this.#update(() => (this.#custom = (e.target as HTMLInputElement).value === 'custom'))}
              />
              ${label}</label
            >`,
        )}
      </fieldset>
      ${
        this.#custom
          ? html`<label class="field"
            >${t.customUntil}
            <input type="datetime-local" name="until" required min=${localInput(now)} value=${localInput(now + DURATIONS.day)}
          /></label>`
          : nothing
      }`;
  }

  #fields(t: ChatStrings, request: DialogRequest) {
    switch (request.kind) {
      case 'ban':
        return html`<label class="field">${t.reasonOptional}<textarea name="reason" rows="2" maxlength="500"></textarea></label>
          ${this.#durations(t, 'ban')}`;
      case 'mute':
        return this.#durations(t, 'mute');
      case 'report':
        return html`<label class="field">${t.reason}<textarea name="reason" rows="3" required maxlength="500"></textarea></label>`;
      case 'confirm':
        return html`<p id="dialog-text">${request.text}</p>`;
      case 'settings': {
        const c = request.channel;
        const box = (name: 'readOnly' | 'archived' | 'membersCanPin', label: string) =>
          html`<label class="choice"><input type="checkbox" name=${name} ?checked=${!!c[name]} /> ${label}</label>`;
        return html`<label class="field">${t.topic}<input type="text" name="topic" maxlength="250" value=${c.topic} /></label>
          ${box('readOnly', t.readOnlySetting)} ${box('archived', t.archivedSetting)}
          ${box('membersCanPin', t.membersCanPinSetting)}`;
      }
    }
  }

  /** The open dialog, or nothing. */
  render(): TemplateResult | typeof nothing {
    const request = this.#request;
    if (!request) return nothing;
    const t = this.strings();
    const [title, submit, danger] = heading(t, request);
    return html`<dialog
      part="dialog"
      class="moderation-dialog"
      aria-labelledby="dialog-title"
      aria-describedby=${request.kind === 'confirm' ? 'dialog-text' : nothing}
      @close=${this.#closed}
      @keydown=${stop}
      @pointerdown=${stop}
      @contextmenu=${stop}
    >
      <form @submit=${this.#onSubmit}>
        <h2 id="dialog-title">${title}</h2>
        ${this.#fields(t, request)}
        ${this.#error ? html`<p class="error" role="alert">${this.#error}</p>` : nothing}
        <div class="buttons">
          <button type="button" @click=${this.#close}>${t.cancel}</button>
          <button type="submit" class=${danger ? 'danger' : 'primary'} ?disabled=${this.#busy}>${submit}</button>
        </div>
      </form>
    </dialog>`;
  }
}
