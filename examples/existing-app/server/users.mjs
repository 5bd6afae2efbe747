// The app's own accounts. A real app keeps these in its database; the demo has three, with scrypt hashes.
import { scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt);

/**
 * Demo users (passwords in the README): `id` is the app's user id, which becomes the Confab token's `sub`.
 * `passwordHash` is `scrypt$N$r$p$salt$hash` (base64url).
 */
const USERS = [
  {
    id: 'u-1815',
    username: 'ada',
    name: 'Ada Lovelace',
    passwordHash: 'scrypt$16384$8$1$G71ENxybbYYBo9vHSUIWyA$UGXO6FO6VGY3Ec_CapT0TvKY_F1yz6qm_aAAR_4OLMg',
  },
  {
    id: 'u-1906',
    username: 'grace',
    name: 'Grace Hopper',
    passwordHash: 'scrypt$16384$8$1$cf3lTFf7rwp857IUNoEh9A$xEZX9PJQrZ58eGnMOJGEZjVUjMpKm893TW_vD7FT9Aw',
  },
  {
    id: 'u-1912',
    username: 'alan',
    name: 'Alan Turing',
    passwordHash: 'scrypt$16384$8$1$fw-eMl8Bj7zayhW47pH0pQ$6Jj0HU0RQpBS7bYXnhqOz3ls9HPxUC9Mz1brB6LRS54',
  },
];

/** A hash to check against when the username is unknown, so both cases take the same time. */
const DECOY = USERS[0].passwordHash;

/** What the browser may see of a user. */
export const publicUser = ({ id, username, name }) => ({ id, username, name });

export const findUser = (id) => USERS.find((user) => user.id === id);

/** The user whose username and password these are, or undefined. */
export async function checkPassword(username, password) {
  const user = USERS.find((u) => u.username === String(username).trim().toLowerCase());
  const matches = await verify(String(password), user?.passwordHash ?? DECOY);
  return user && matches ? user : undefined;
}

async function verify(password, stored) {
  const [, N, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}
