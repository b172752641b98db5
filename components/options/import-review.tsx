import type { ImportSummary } from '../../lib/backup/import';
import { formatCount } from './format';

interface ImportReviewProps {
  fileName: string;
  exportedAt: string;
  summary: ImportSummary;
  restoreSettings: boolean;
  onRestoreSettings: (value: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
  busy: boolean;
}

function exportedOn(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** What an import will add, before anything is written; titles from the file shown as text. */
export function ImportReview(props: ImportReviewProps) {
  const { summary: s } = props;
  const nothing = s.subscriptionsAdded === 0 && s.papersAdded === 0 && s.papersMerged === 0;
  return (
    <div class="confirm import-review" role="group" aria-label="Import this backup?">
      <p>
        <strong>{props.fileName}</strong>, exported {exportedOn(props.exportedAt)}, will add:
      </p>
      <ul>
        <li>
          {formatCount(s.subscriptionsAdded, 'subscription', 'subscriptions')}
          {s.subscriptionsKnown > 0 && ` (${s.subscriptionsKnown === 1 ? '1 is already here and left as it is' : `${formatCount(s.subscriptionsKnown, 'is', 'are')} already here and left as they are`})`}
        </li>
        <li>
          {formatCount(s.papersAdded, 'paper', 'papers')} to your library
          {s.papersMerged > 0 && `; ${formatCount(s.papersMerged, 'paper you already saved takes', 'papers you already saved take')} what the file adds (tags and notes joined to ${s.papersMerged === 1 ? 'its' : 'their'} own, newer details from arXiv)`}
          {s.papersUnchanged > 0 && `; ${formatCount(s.papersUnchanged, 'is', 'are')} already here as in the file`}
        </li>
        {s.newTags.length > 0 && <li>new tags: {s.newTags.join(', ')}</li>}
      </ul>
      {s.sampleTitles.length > 0 && (
        <div class="hint">
          Including:
          <ul class="sample-titles">
            {s.sampleTitles.map((title, i) => (
              <li key={i}>{title}</li>
            ))}
          </ul>
        </div>
      )}
      <label class="check">
        <input type="checkbox" checked={props.restoreSettings} onChange={(e) => props.onRestoreSettings(e.currentTarget.checked)} />
        <span>Also replace my settings with the backup’s</span>
      </label>
      {nothing && !props.restoreSettings && <p class="hint">Everything in this file is already here.</p>}
      <div class="actions">
        <button type="button" class="button-primary" onClick={props.onConfirm} disabled={props.busy}>
          Import
        </button>
        <button type="button" class="button-secondary" onClick={props.onCancel} disabled={props.busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
