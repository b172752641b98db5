/** The extension's IndexedDB database (in a file of its own: readers without Dexie need it too). */
export const DATABASE_NAME = 'paper-radar';
