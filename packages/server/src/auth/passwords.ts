import bcrypt from 'bcryptjs';

/** Hashes a built-in password with bcrypt at the given cost. */
export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

/** Checks a password against its hash in constant time. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
export const decoyHash = bcrypt.hashSync('not-a-password', 4);
