import { css } from 'lit';

export const chatMessageStyles = css`
  :host {
    display: block;
  }
  article {
    position: relative;
    padding: calc(var(--_space) * 0.75 * var(--_density)) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    line-height: 1.45;
  }
  article:hover,
  article:focus-within {
    background: var(--_surface);
  }
  :host([mine]) article {
    background: var(--_mine);
  }
  :host([highlighted]) article {
    background: var(--_highlight);
    transition: background 1s;
  }
  header {
    display: flex;
    gap: var(--_space);
    align-items: baseline;
    flex-wrap: wrap;
  }
  .author {
    font-weight: 600;
  }
  time,
  .meta {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .deleted {
    color: var(--_muted);
    font-style: italic;
  }
  code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.9em;
    background: var(--_surface);
    border-radius: 4px;
    padding: 0 0.25em;
  }
  pre {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-x: auto;
    margin: 0.25em 0;
  }
  a {
    color: var(--_accent);
  }
  .mention {
    color: var(--_accent);
    font-weight: 600;
  }
  img,
  video {
    display: block;
    max-width: min(100%, 420px);
    height: auto;
    border-radius: var(--_radius);
    margin-top: 0.25em;
  }
  .reactions,
  .status {
    display: flex;
    gap: 4px;
    flex-wrap: wrap;
    align-items: center;
    margin-top: 4px;
  }
  .reactions button,
  .replies,
  .status button,
  .actions button,
  .picker button,
  .edit button {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: 999px;
    padding: 1px 8px;
    cursor: pointer;
  }
  .reactions button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_mine);
  }
  .replies {
    margin-top: 4px;
    color: var(--_accent);
  }
  .failed {
    color: var(--_danger);
  }
  .actions {
    position: absolute;
    top: -10px;
    inset-inline-end: var(--_space);
    display: flex;
    gap: 2px;
    opacity: 0;
  }
  article:hover .actions,
  article:focus-within .actions {
    opacity: 1;
  }
  .picker {
    display: flex;
    gap: 2px;
    margin-top: 4px;
  }
  .edit textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 3em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    padding: var(--_space);
  }
`;
