// Options of databaseRepositories().
export interface DatabaseRepositoriesOptions {
  /**
   * Ids for the patients and visits created through the repositories (uuids). Without it the
   * database generates them. Sessions, screens and overrides come with the caller's ids.
   */
  readonly newId?: () => string;
  /**
   * The key follow-up link tokens are derived with (follow-ups/link-tokens.ts); without it a random
   * key for this process (links stop working when it ends).
   */
  readonly followUpKey?: Uint8Array;
}

export type NewId = (() => string) | undefined;
