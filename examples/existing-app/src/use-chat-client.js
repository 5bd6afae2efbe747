import { createChatClient } from '@confab/core';
import { useEffect, useState } from 'react';
import { chatToken } from './backend.js';

/**
 * One Confab client per signed-in user, authenticated by tokens from the app's backend (asked again before
 * they expire): the user chats without signing up anywhere else. Disconnected on sign-out.
 */
export function useChatClient(session) {
  const [client, setClient] = useState(null);
  const userId = session?.user.id;
  const baseUrl = session?.chat.url;
  useEffect(() => {
    if (!userId) return;
    const created = createChatClient({ baseUrl, token: chatToken });
    setClient(created);
    return () => {
      created.disconnect();
      setClient(null);
    };
  }, [userId, baseUrl]);
  return client;
}
