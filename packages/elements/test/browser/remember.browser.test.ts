import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/chat-room/chat-room.js';
import type { ChatRoomElement } from '../../src/chat-room/chat-room.component.js';
import './support/benign-errors.js';
import { byRole } from './support/dom.js';
import { afterEach, describe, it } from './support/mocha.js';
import { baseUrl, registerUser } from './support/rest.js';
import { isSignedIn, showsSignIn, signInThroughForm, signOutThroughMenu } from './support/room.js';
import { until } from './support/wait.js';

const sessionKey = `confab:session:${baseUrl}`;

afterEach(() => localStorage.removeItem(sessionKey));

/** A `<chat-room>` with the built-in sign-in, remembering it or not. */
const mountRoom = (remember: boolean) =>
  fixture<ChatRoomElement>(html`<chat-room style="height: 480px" server=${baseUrl} ?remember=${remember}></chat-room>`);

describe('<chat-room remember>', () => {
  // Another test file in the same browser may have left a remembered session behind.
  localStorage.removeItem(sessionKey);

  it('keeps a built-in sign-in across page loads until the user signs out', async () => {
    const { username } = await registerUser('remember');
    await signInThroughForm(await mountRoom(true), username);
    expect(localStorage.getItem(sessionKey), 'the session is kept').to.be.a('string');
    fixtureCleanup();

    const reloaded = await mountRoom(true);
    await until(() => isSignedIn(reloaded), 'the room signed in again without the form');
    expect(byRole(reloaded, 'button', 'Sign in')).to.have.length(0);

    await signOutThroughMenu(reloaded);
    await until(() => localStorage.getItem(sessionKey) === null, 'the kept session gone');
    fixtureCleanup();

    const afterSignOut = await mountRoom(true);
    await until(() => showsSignIn(afterSignOut), 'the sign-in form on the next load');
  });

  it('keeps nothing without the attribute', async () => {
    const { username } = await registerUser('forget');
    await signInThroughForm(await mountRoom(false), username);
    expect(localStorage.getItem(sessionKey)).to.equal(null);
    fixtureCleanup();
    const reloaded = await mountRoom(false);
    await until(() => showsSignIn(reloaded), 'the sign-in form on the next load');
  });
});
