import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat-message/chat-message.js';
import '../../src/chat-window/chat-window.js';
import type { ChatComposerElement } from '../../src/chat-composer/chat-composer.component.js';
import type { ChatMessageElement } from '../../src/chat-message/chat-message.component.js';
import type { ChatWindowElement } from '../../src/chat-window/chat-window.component.js';
import { expectAccessible } from './support/axe.js';
import './support/benign-errors.js';
import { signedInClient } from './support/clients.js';
import { byRole, deepActiveElement, deepQueryAll, getByRole, messageRows } from './support/dom.js';
import { press } from './support/keyboard.js';
import { localMessage } from './support/messages.js';
import { describe, it } from './support/mocha.js';
import { uniqueName } from './support/rest.js';
import { until } from './support/wait.js';

const PICTURE = new URL('./support/landscape.png', import.meta.url).href;

/** The test picture (480 × 300 PNG) as a file the user picked. */
async function picture(name = 'landscape.png'): Promise<File> {
  const blob = await (await fetch(PICTURE)).blob();
  return new File([blob], name, { type: 'image/png' });
}

/** A file of a type the server refuses (an executable's first bytes). */
const refused = () => new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0xff, 0xff])], 'tool.exe');

const transfer = (...files: File[]) => {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
};

/** A signed-in user's `<chat-window>` on a fresh channel of theirs. */
async function ownWindow() {
  const { client } = await signedInClient('ann');
  const channel = await client.createChannel({ name: uniqueName('files'), visibility: 'public' });
  const win = await fixture<ChatWindowElement>(
    html`<chat-window style="height: 640px" .client=${client} channel=${channel.id}></chat-window>`,
  );
  await until(() => byRole(win, 'textbox', 'Message').length, 'the composer');
  const composer = win.shadowRoot!.querySelector('chat-composer') as ChatComposerElement;
  return { client, channel, win, composer };
}

const rows = (composer: ChatComposerElement) => deepQueryAll(composer.shadowRoot!, '[part="attachment"]');
const send = (composer: ChatComposerElement) => getByRole<HTMLButtonElement>(composer, 'button', 'Send');

describe('attachments in <chat-composer>', () => {
  it('uploads a picked file with its progress, then Send posts it as an image in a reserved box', async () => {
    const { client, channel, win, composer } = await ownWindow();
    expect(getByRole(composer, 'button', 'Attach files').getAttribute('part')).to.equal('attach-button');
    const input = composer.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    input.files = transfer(await picture()).files;
    input.dispatchEvent(new Event('change'));
    await composer.updateComplete;
    // The upload cannot have finished yet: its answer comes in a later task.
    const progress = getByRole(composer, 'progressbar', 'Uploading landscape.png');
    expect(progress.localName).to.equal('progress');
    expect(send(composer).disabled, 'Send waits for the upload').to.equal(true);
    expect(rows(composer)[0]!.textContent).to.contain('landscape.png');
    await expectAccessible(composer, 'the composer with an upload in progress');

    await until(() => byRole(composer, 'button', 'Remove landscape.png').length, 'the stored upload');
    expect(byRole(composer, 'progressbar')).to.have.length(0);
    expect(send(composer).disabled).to.equal(false);
    send(composer).click();

    await until(() => byRole(win, 'button', 'Open image landscape.png').length, 'the image message');
    // Stored, not the local echo: the row is not re-rendered under the test's hands any more.
    const { $messages } = client.channel(channel.id);
    await until(() => !$messages.get().some((m) => m.pending), 'the image stored');
    expect(rows(composer)).to.have.length(0);
    const thumb = getByRole(win, 'button', 'Open image landscape.png');
    const box = thumb.getBoundingClientRect();
    expect(box.width / box.height).to.be.closeTo(480 / 300, 0.02);
    const img = thumb.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.src).to.match(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/uploads\/.+\/content\?/);

    // In the window, Escape is the lightbox's (not "back to the composer"): it closes, focus returns.
    thumb.focus();
    await press('Enter');
    const dialog = deepQueryAll<HTMLDialogElement>(win.shadowRoot!, 'dialog[part="lightbox"]')[0]!;
    expect(dialog.open).to.equal(true);
    await press('Escape');
    expect(dialog.open, 'Escape closed the lightbox').to.equal(false);
    expect(deepActiveElement()).to.equal(thumb);
  });

  it('attaches pasted and dropped files, and Cancel stops an upload', async () => {
    const { win, composer } = await ownWindow();
    const textarea = getByRole<HTMLTextAreaElement>(composer, 'textbox', 'Message');
    const pasted = new ClipboardEvent('paste', {
      clipboardData: transfer(await picture('pasted.png')),
      bubbles: true,
      cancelable: true,
    });
    textarea.dispatchEvent(pasted);
    expect(pasted.defaultPrevented, 'the files are taken, not pasted as text').to.equal(true);
    await composer.updateComplete;
    getByRole(composer, 'button', 'Cancel upload of pasted.png').click();
    await composer.updateComplete;
    expect(rows(composer), 'a cancelled upload goes away').to.have.length(0);
    expect(send(composer).disabled).to.equal(false);

    // Dragged over the window: a drop target covers it; dropped, the files are attached.
    const data = transfer(await picture('dropped.png'));
    win.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
    await win.updateComplete;
    const target = win.shadowRoot!.querySelector('[part="drop-target"]')!;
    expect(target.textContent?.trim()).to.equal('Drop files to attach');
    await expectAccessible(win, 'the window with its drop target');
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await win.updateComplete;
    expect(win.shadowRoot!.querySelector('[part="drop-target"]')).to.equal(null);
    await until(() => byRole(composer, 'button', 'Remove dropped.png').length, 'the dropped file, stored');

    // Dropped on the composer itself.
    const form = composer.shadowRoot!.querySelector('form')!;
    form.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer(await picture('second.png')), bubbles: true, cancelable: true }),
    );
    await until(() => byRole(composer, 'button', 'Remove second.png').length, 'the file dropped on the composer');
    getByRole(composer, 'button', 'Remove dropped.png').click();
    await composer.updateComplete;
    expect(rows(composer).map((r) => r.querySelector('.name')?.textContent)).to.deep.equal(['second.png']);
  });

  it('says why a refused file was not uploaded, and offers Retry and Remove', async () => {
    const { composer } = await ownWindow();
    composer.addFiles([refused()]);
    await until(() => byRole(composer, 'alert').length, 'the error');
    expect(getByRole(composer, 'alert').textContent).to.match(/^tool\.exe was not uploaded: ./);
    expect(send(composer).disabled, 'a failed file does not hold Send back').to.equal(false);
    await expectAccessible(composer, 'the composer with a failed upload');

    getByRole(composer, 'button', 'Retry tool.exe').click();
    await composer.updateComplete;
    expect(byRole(composer, 'progressbar', 'Uploading tool.exe'), 'uploading again').to.have.length(1);
    expect(byRole(composer, 'alert')).to.have.length(0);
    await until(() => byRole(composer, 'alert').length, 'the error, again');

    getByRole(composer, 'button', 'Remove tool.exe').click();
    await composer.updateComplete;
    expect(rows(composer)).to.have.length(0);
  });
});

describe('image, video and file messages', () => {
  const image = (width: number, height: number, alt = 'A valley at noon') =>
    localMessage({ body: { type: 'image', url: PICTURE, width, height, alt, name: 'valley.png' } });

  it('reserves an image’s box from its width and height before it loads', async () => {
    const page = await fixture<HTMLElement>(html`<div style="width: 600px">
      <chat-message .message=${image(800, 400)}></chat-message>
      <chat-message .message=${image(300, 900)}></chat-message>
      <chat-message .message=${image(120, 60)}></chat-message>
    </div>`);
    const boxes = () =>
      messageRows(page).map((row) => {
        const { width, height } = getByRole(row, 'button', 'Open image A valley at noon').getBoundingClientRect();
        return [Math.round(width), Math.round(height)];
      });
    const imgs = deepQueryAll<HTMLImageElement>(page, '[part="image"] img');
    const before = boxes();
    expect(imgs.some((img) => img.complete && img.naturalWidth)).to.equal(false);
    // At most 360 wide and 320 high, never scaled up, the ratio kept.
    expect(before).to.deep.equal([
      [360, 180],
      [107, 320],
      [120, 60],
    ]);
    await until(() => imgs.every((img) => img.complete && img.naturalWidth), 'the pictures');
    expect(boxes(), 'nothing moved once the pictures loaded').to.deep.equal(before);
  });

  it('opens an image in a lightbox from the keyboard, closes it with Escape, and gives focus back', async () => {
    const message = await fixture<ChatMessageElement>(html`<chat-message .message=${image(480, 300)}></chat-message>`);
    const thumb = getByRole(message, 'button', 'Open image A valley at noon');
    thumb.focus();
    await press('Enter');
    const dialog = message.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('A valley at noon');
    expect(deepActiveElement()?.textContent?.trim(), 'focus on Close').to.equal('Close');
    const download = getByRole<HTMLAnchorElement>(dialog, 'link', 'Download');
    expect(download.href).to.equal(PICTURE);
    expect(download.hasAttribute('download')).to.equal(true);
    expect(dialog.querySelector('img')!.alt).to.equal('A valley at noon');
    await expectAccessible(message, 'the open lightbox');

    await press('Escape');
    expect(dialog.open).to.equal(false);
    expect(deepActiveElement()).to.equal(thumb);

    await press('Space');
    expect(dialog.open, 'Space opens it too').to.equal(true);
    getByRole(dialog, 'button', 'Close').click();
    expect(dialog.open).to.equal(false);
    expect(deepActiveElement()).to.equal(thumb);
  });

  it('shows a file as a chip with its name and size that downloads it, and a video in a player', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="en">
      <chat-message
        .message=${localMessage({
          body: {
            type: 'file',
            uploadId: 'u1',
            url: 'https://files.example/report.pdf',
            name: 'report.pdf',
            size: 123_456,
          },
        })}
      ></chat-message>
      <chat-message .message=${localMessage({ id: 'm2', body: { type: 'video', url: 'https://files.example/clip.mp4' } })}></chat-message>
      <chat-message .message=${localMessage({ id: 'm3', body: { type: 'file', uploadId: 'u2', url: 'javascript:alert(1)', name: 'x.pdf' } })}></chat-message>
    </div>`);
    const [file, video, hostile] = messageRows(page);
    const chip = getByRole<HTMLAnchorElement>(file!, 'link', /report\.pdf/);
    expect(chip.getAttribute('part')).to.equal('file');
    expect(chip.textContent!.replace(/\s+/g, ' ').trim()).to.equal('PDF report.pdf 123 kB');
    expect(chip.href).to.equal('https://files.example/report.pdf');
    expect(chip.getAttribute('download')).to.equal('report.pdf');
    expect(chip.rel).to.equal('noopener noreferrer nofollow');
    const player = video!.shadowRoot!.querySelector('video')!;
    expect([player.controls, player.preload, player.getAttribute('src')]).to.deep.equal([
      true,
      'metadata',
      'https://files.example/clip.mp4',
    ]);
    expect(deepQueryAll(hostile!.shadowRoot!, 'a, img, video'), 'no link to a javascript: URL').to.have.length(0);
    await expectAccessible(page, 'file and video messages');
  });
});
