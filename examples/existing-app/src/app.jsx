import { lazy, Suspense, useEffect, useState } from 'react';
import { currentSession, signOut } from './backend.js';
import { NavBar } from './nav-bar.jsx';
import { OverviewPage } from './overview-page.jsx';
import { SignInPage } from './sign-in-page.jsx';
import { useChatClient } from './use-chat-client.js';
import { useRoute } from './use-route.js';

// The chat's elements (Lit and @confab/elements) load when the chat is first opened, in a chunk of their own.
const ChatPage = lazy(() => import('./chat-page.jsx').then((module) => ({ default: module.ChatPage })));

/** Tasklane: the app's own sign-in, then its pages under a navigation bar that knows about unread chat. */
export function App() {
  const [session, setSession] = useState(undefined); // undefined while asking the backend
  const chat = useChatClient(session);
  const route = useRoute();

  useEffect(() => {
    currentSession().then(setSession, () => setSession(null));
  }, []);

  if (session === undefined) return null;
  if (!session) return <SignInPage onSignedIn={setSession} />;
  // Signing out of the app signs out of the chat too: the client forgets the user's channels and drafts.
  const leave = async () => {
    await signOut();
    await chat?.logout();
    setSession(null);
  };
  return (
    <div className="app">
      <NavBar user={session.user} chat={chat} page={route.page} onSignOut={leave} />
      <main className={`page page-${route.page}`}>
        {route.page === 'chat' ? (
          <Suspense fallback={null}>
            <ChatPage chat={chat} channel={route.channel} />
          </Suspense>
        ) : (
          <OverviewPage user={session.user} chat={chat} />
        )}
      </main>
    </div>
  );
}
