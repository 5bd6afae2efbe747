import { css } from 'lit';

export const chatChannelListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    background: var(--_surface);
  }
  h2 {
    font-size: 0.8em;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--_muted);
    margin: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) / 2);
  }
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0 calc(var(--_space) / 2);
    overflow-y: auto;
    flex: 1;
  }
  [role='option'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.6 * var(--_density)) var(--_space);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [role='option']:hover {
    background: var(--_bg);
  }
  [role='option'][aria-selected='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .name {
    flex: 1;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .unread .name {
    font-weight: 700;
  }
  .badge {
    background: var(--_danger);
    color: var(--_bg);
    border-radius: 999px;
    font-size: 0.75em;
    padding: 0 7px;
    min-width: 1.2em;
    text-align: center;
  }
  /* The count is drawn by CSS: the option's name already says it, in words. */
  .mention::before {
    content: '@' attr(data-count);
  }
  .mention {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  [aria-selected='true'] .mention {
    background: var(--_on-accent);
    color: var(--_accent);
  }
  .tools {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .tools button,
  form button {
    border: 1px solid var(--_border);
    background: var(--_bg);
    border-radius: var(--_radius);
    padding: 4px 10px;
    cursor: pointer;
    text-align: start;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  input,
  select {
    font: inherit;
    padding: 4px 6px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  .browse li {
    display: flex;
    justify-content: space-between;
    align-items: center;
    padding: 2px 0;
  }
  .browse ul {
    list-style: none;
    padding: 0;
    margin: 0;
    max-height: 12em;
    overflow-y: auto;
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .error:empty {
    display: none;
  }
`;
