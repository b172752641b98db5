/** What went wrong, in the words an error carries (a rejection can be anything). */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
