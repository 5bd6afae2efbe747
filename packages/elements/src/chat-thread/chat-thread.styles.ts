import { css } from 'lit';

export const chatThreadStyles = css`
  .bar {
    justify-content: space-between;
  }
  .parent {
    border-bottom: 1px solid var(--_border);
    padding: calc(var(--_space) / 2) 0;
  }
  chat-message-list {
    flex: 1;
  }
`;
