/**
 * What makes two channel names the same: trimmed, Unicode-normalised (NFC) and lower-cased. Computed here,
 * not in SQL, so SQLite and PostgreSQL (whose `lower()` differ outside ASCII) agree.
 */
export function channelNameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}
