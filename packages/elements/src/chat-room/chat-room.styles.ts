import { css } from 'lit';

export const chatRoomStyles = css`
  :host {
    display: block;
    height: 100%;
    min-height: 320px;
    container-type: inline-size;
    background: var(--_bg);
  }
  :host(:not([theme])) {
    color-scheme: light dark;
  }
  .resuming {
    display: grid;
    place-items: center;
    height: 100%;
    margin: 0;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(180px, 240px) minmax(0, 1fr);
    height: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .layout.with-thread {
    grid-template-columns: minmax(180px, 240px) minmax(0, 1fr) minmax(260px, 360px);
  }
  chat-thread {
    border-inline-start: 1px solid var(--_border);
  }
  chat-channel-list {
    border-inline-end: 1px solid var(--_border);
  }
  .back {
    display: none;
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: var(--_radius);
    padding: 2px 10px;
    cursor: pointer;
  }
  .account {
    position: relative;
    margin-top: calc(var(--_space) / 2);
  }
  .account,
  .account > button {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-width: 0;
  }
  .account > button {
    width: 100%;
    border: 0;
    background: none;
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2);
    text-align: start;
    cursor: pointer;
  }
  .account > button:hover,
  .account > button[aria-expanded='true'] {
    background: var(--_bg);
  }
  .name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .popup {
    position: absolute;
    inset-inline: 0;
    bottom: calc(100% + 4px);
    padding: 4px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
    z-index: 1;
  }
  .popup[hidden] {
    display: none;
  }
  .handle {
    margin: 0;
    padding: 4px 10px;
    color: var(--_muted);
    font-size: 0.85em;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [role='menu'] {
    display: flex;
    flex-direction: column;
  }
  [role='menuitem'] {
    border: 0;
    background: none;
    border-radius: calc(var(--_radius) / 2);
    padding: 6px 10px;
    text-align: start;
    cursor: pointer;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus-visible {
    background: var(--_surface);
  }
  @container (max-width: 720px) {
    .layout,
    .layout.with-thread {
      grid-template-columns: minmax(0, 1fr);
    }
    .layout > * {
      display: none;
    }
    .layout[data-pane='list'] > chat-channel-list,
    .layout[data-pane='window'] > chat-window,
    .layout[data-pane='thread'] > chat-thread {
      display: flex;
    }
    .back {
      display: inline-block;
    }
  }
`;
