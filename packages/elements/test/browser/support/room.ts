import type { ChatRoomElement } from '../../../src/chat-room/chat-room.component.js';
import { byRole, getByRole } from './dom.js';
import { password } from './rest.js';
import { until } from './wait.js';

/** The account button a signed-in `<chat-room>` shows ("Signed in as …"). */
export const accountButton = (room: ChatRoomElement) => byRole(room, 'button', /^Signed in as /)[0];

/** Whether the room shows the signed-in chat. */
export const isSignedIn = (room: ChatRoomElement): boolean => accountButton(room) !== undefined;

/** Whether the room shows its sign-in form. */
export const showsSignIn = (room: ChatRoomElement): boolean => byRole(room, 'button', 'Sign in').length > 0;

/** Signs in through the room's built-in form and waits for the chat. */
export async function signInThroughForm(room: ChatRoomElement, username: string): Promise<void> {
  await until(() => showsSignIn(room), 'the sign-in form');
  const form = room.shadowRoot!.querySelector('chat-sign-in')!.shadowRoot!;
  form.querySelector<HTMLInputElement>('input[name=username]')!.value = username;
  form.querySelector<HTMLInputElement>('input[name=password]')!.value = password;
  getByRole(room, 'button', 'Sign in').click();
  await until(() => isSignedIn(room), 'the signed-in room');
}

/** Signs out from the account panel and waits for the sign-in form. */
export async function signOutThroughMenu(room: ChatRoomElement): Promise<void> {
  accountButton(room)!.click();
  await until(() => byRole(room, 'button', 'Sign out')[0]?.checkVisibility(), 'the account panel');
  getByRole(room, 'button', 'Sign out').click();
  await until(() => showsSignIn(room), 'the sign-in form after signing out');
}
