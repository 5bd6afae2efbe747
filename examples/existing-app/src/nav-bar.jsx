import { useEffect } from 'react';
import { totalUnread, useChannels } from './unread.js';
import { chatHref } from './use-route.js';

/** The app's navigation bar; the Chat link carries the unread count from `@confab/core`. */
export function NavBar({ user, chat, page, onSignOut }) {
  const unread = totalUnread(useChannels(chat));

  useEffect(() => {
    document.title = unread ? `(${unread}) Tasklane` : 'Tasklane';
  }, [unread]);

  return (
    <header className="nav">
      <a className="brand" href="#/">
        <span className="logo" aria-hidden="true" />
        Tasklane
      </a>
      <nav aria-label="Main">
        <a href="#/" aria-current={page === 'overview' ? 'page' : undefined}>
          Overview
        </a>
        <a
          href={chatHref()}
          aria-current={page === 'chat' ? 'page' : undefined}
          aria-label={unread ? `Chat, ${unread} unread` : 'Chat'}
        >
          Chat
          {unread > 0 && (
            <span className="badge" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </a>
      </nav>
      <div className="me">
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span>{user.name}</span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}

const initials = (name) =>
  name
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
