import * as v from 'valibot';
import { boolean, fieldPath, integer, list, nonEmptyText, record, text } from './checks';
import { EntrySchema, paperId } from './entry';
import { LIMITS } from './limits';
import { QueryFields, subscriptionId } from './subscription';

/** What an arXiv page showed of a paper saved from it: text, to the limits of a paper's. */
const ShownSchema = record({
  title: nonEmptyText(LIMITS.title),
  authors: list(text(LIMITS.authorName), LIMITS.authors),
  version: v.optional(integer(1, LIMITS.version)),
});

const SaveFields = record({ id: paperId(), entry: v.optional(EntrySchema), shown: v.optional(ShownSchema) });

/** What each message of the protocol (lib/messaging/protocol.ts) carries, checked by the background. */
export const MESSAGE_SCHEMAS = {
  syncNow: record({ subscriptionIds: v.optional(list(subscriptionId(), LIMITS.subscriptions)) }),
  savePaper: v.pipe(
    SaveFields,
    // Metadata for another paper would be stored under its own id, leaving this save without any.
    v.rawCheck<v.InferOutput<typeof SaveFields>>(({ dataset, addIssue }) => {
      if (dataset.typed && dataset.value.entry && dataset.value.entry.id !== dataset.value.id) {
        addIssue({ message: 'the paper sent is not the paper saved', path: fieldPath(dataset.value, 'entry', 'id') });
      }
    }),
  ),
  unsavePaper: record({ id: paperId() }),
  setNotInterested: record({ ids: list(paperId(), LIMITS.idsPerMessage), value: boolean() }),
  getSavedIds: record({ ids: list(paperId(), LIMITS.idsPerMessage) }),
  getPaperContext: record({ id: paperId() }),
  markSeen: record({}),
  lastSeen: record({}),
  userDataChanged: record({}),
  previewQuery: QueryFields,
  getFigure: record({ id: paperId(), version: integer(1, LIMITS.version) }),
};
