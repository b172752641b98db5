import * as v from 'valibot';
import { epochMs, fieldPath, isoDate, list, nonEmptyText, record, text } from './checks';
import { EntrySchema, paperId } from './entry';
import { LIMITS } from './limits';
import { PartialSettingsSchema } from './settings';
import { SubscriptionSchema } from './subscription';

/**
 * The backup file (DESIGN.md): `{ format, version, exportedAt, subscriptions, library, settings }`.
 * A library item carries its paper's metadata so that a fresh browser can show it without asking
 * arXiv; `paper` is left out only for a save whose metadata arXiv has not sent yet.
 */
export const BACKUP_FORMAT = 'paper-radar-backup';
export const BACKUP_VERSION = 1;

/** Tags as the user typed them: trimmed, each once. */
export const TagsSchema = v.pipe(
  list(v.pipe(nonEmptyText(LIMITS.tag), v.trim()), LIMITS.tags),
  v.transform((tags) => [...new Set(tags)]),
);

const LibraryItemFields = record({
  id: paperId(),
  /** Epoch ms. */
  savedAt: epochMs(),
  paper: v.optional(EntrySchema),
  tags: TagsSchema,
  note: text(LIMITS.note),
});

export const LibraryItemSchema = v.pipe(
  LibraryItemFields,
  v.rawCheck<v.InferOutput<typeof LibraryItemFields>>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const item = dataset.value;
    if (item.paper && item.paper.id !== item.id) {
      addIssue({ message: `"${item.paper.id}" differs from the item's id "${item.id}"`, path: fieldPath(item, 'paper', 'id') });
    }
  }),
);

/** Notes every id that appears twice: a backup written by Paper Radar never has one. */
const uniqueIds = <T extends { id: string }>(what: string, listName: string) =>
  v.rawCheck<T[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const first = new Map<string, number>();
    dataset.value.forEach((item, i) => {
      const seen = first.get(item.id);
      if (seen === undefined) first.set(item.id, i);
      else addIssue({ message: `the ${what} "${item.id}" appears twice (also at ${listName}[${seen}])`, path: [{ type: 'array', origin: 'value', input: dataset.value, key: i, value: item }, ...fieldPath(item, 'id')] });
    });
  });

/** Everything in a backup after its header (`format` and `version`, read first). */
export const BackupSchema = record(
  {
    format: v.literal(BACKUP_FORMAT),
    version: v.literal(BACKUP_VERSION),
    /** ISO 8601. */
    exportedAt: isoDate(),
    subscriptions: v.pipe(list(SubscriptionSchema, LIMITS.subscriptions), uniqueIds<v.InferOutput<typeof SubscriptionSchema>>('subscription', 'subscriptions')),
    library: v.pipe(list(LibraryItemSchema, LIMITS.library), uniqueIds<v.InferOutput<typeof LibraryItemSchema>>('paper', 'library')),
    settings: PartialSettingsSchema,
  },
  'not a field of a Paper Radar backup',
);

