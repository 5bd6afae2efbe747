import { css } from 'lit';

export const chatWindowStyles = css`
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
  .danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
`;
