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
  }
  .back,
  .panel button {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: var(--_radius);
    padding: 2px 10px;
    cursor: pointer;
  }
  .account {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-top: calc(var(--_space) / 2);
  }
  .account,
  [part='account'] {
    min-width: 0;
  }
  [part='account'],
  .panel {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  button[part='account'] {
    border: 0;
    background: none;
    border-radius: var(--_radius);
    padding: 4px;
    cursor: pointer;
  }
  button[part='account']:hover,
  [aria-expanded='true'] {
    background: var(--_bg);
  }
  .name,
  .handle {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name {
    font-weight: 600;
  }
  .panel {
    justify-content: space-between;
    padding-inline-start: 4px;
  }
  .panel[hidden] {
    display: none;
  }
  .handle {
    color: var(--_muted);
    font-size: 0.85em;
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
