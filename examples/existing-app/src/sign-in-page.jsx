import { useState } from 'react';
import { signIn } from './backend.js';

/** The app's own sign-in: the only one its users ever see. */
export function SignInPage({ onSignedIn }) {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      onSignedIn(await signIn(form.get('username'), form.get('password')));
    } catch (error) {
      setProblem(error.message);
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <span className="logo" aria-hidden="true" />
          Sign in to Tasklane
        </h1>
        <label>
          Username
          <input name="username" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {problem && <p role="alert">{problem}</p>}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <p className="hint">Demo accounts: ada, grace, alan (passwords in the README).</p>
      </form>
    </main>
  );
}
