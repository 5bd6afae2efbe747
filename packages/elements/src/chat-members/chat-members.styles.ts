import { css } from 'lit';

/** The member panel's look; the reports view shares it. */
export const chatMembersStyles = css`
  :host {
    display: block;
    height: 100%;
    min-height: 0;
  }
  .pane {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
  }
  .grow {
    flex: 1;
  }
  .meta,
  .handle,
  .notes {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .scroll {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    padding: var(--_space) 0;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .member {
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
  }
  .row {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .who {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 6px;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .notes {
    flex-basis: 100%;
  }
  .more {
    min-width: 36px;
    min-height: 32px;
    font-size: 1.1em;
  }
  .menu {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin: 6px 0 0 auto;
    padding: 4px;
    max-width: 260px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  .menu button {
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    padding: 10px 12px;
    text-align: start;
    background: transparent;
    cursor: pointer;
  }
  .menu button:focus,
  .menu button:hover {
    background: var(--_surface);
  }
  .danger-text {
    color: var(--_danger);
  }
  .error {
    margin: 0 calc(var(--_space) * 1.5) var(--_space);
    color: var(--_danger);
  }
  h3 {
    margin: calc(var(--_space) * 2) calc(var(--_space) * 1.5) var(--_space);
    font-size: 0.8em;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--_muted);
  }
  .empty {
    margin: 0 calc(var(--_space) * 1.5);
  }
  .bans > .plain {
    margin: var(--_space) calc(var(--_space) * 1.5);
  }
`;
