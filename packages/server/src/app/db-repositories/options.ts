// Options of databaseRepositories().
export interface DatabaseRepositoriesOptions {
  /**
   * Ids for the patients and visits created through the repositories (uuids). Without it the
   * database generates them. Sessions, screens and overrides come with the caller's ids.
   */
  readonly newId?: () => string;
}

export type NewId = (() => string) | undefined;
