import { css } from 'lit';

export const chatWindowStyles = css`
  :host {
    position: relative;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .grow {
    flex: 1;
  }
  .banner {
    padding: calc(var(--_space) / 2) var(--_space);
    background: var(--_highlight);
    text-align: center;
    font-size: 0.9em;
  }
  chat-message-list {
    flex: 1;
  }
  .typing {
    min-height: 1.4em;
    padding: 0 calc(var(--_space) * 1.5);
    color: var(--_muted);
    font-size: 0.85em;
  }
  .notice {
    margin: auto;
    color: var(--_muted);
    padding: calc(var(--_space) * 2);
    text-align: center;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .confirm span {
    flex: 1 1 14em;
  }
  .drop {
    position: absolute;
    inset: 0;
    z-index: 3;
    display: grid;
    place-items: center;
    margin: var(--_space);
    border: 3px dashed var(--_accent);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_bg) 88%, transparent);
    color: var(--_accent);
    font-size: 1.2em;
    font-weight: 600;
  }
  .bar {
    flex-wrap: wrap;
  }
  .bar > .grow {
    /* the title keeps a readable width; on a phone the buttons wrap below it */
    flex: 1 1 12em;
    min-width: 0;
  }
  .side {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    z-index: 4;
    width: min(360px, 100%);
    border-inline-start: 1px solid var(--_border);
    box-shadow: 0 0 16px rgb(0 0 0 / 0.15);
  }
  .danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
  .tool {
    padding: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .grow {
    min-width: 0;
  }
`;
