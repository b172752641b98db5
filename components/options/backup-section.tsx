import { useState } from 'preact/hooks';
import { backupFilename, backupJson, createBackup } from '../../lib/backup/export';
import type { ImportedBackup, ImportProblem } from '../../lib/backup/format';
import { applyImport, previewImport, type ImportSummary } from '../../lib/backup/import';
import { describeProblem, readBackupFile } from '../../lib/backup/validate';
import { savedCount } from '../../lib/db/library';
import { subscriptionCount } from '../../lib/db/subscriptions';
import { formatCount } from './format';
import { ImportReview } from './import-review';
import { useServices } from './services';

type ImportState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'invalid'; fileName: string; problems: ImportProblem[]; more: number }
  | { step: 'review'; fileName: string; backup: ImportedBackup; summary: ImportSummary; restoreSettings: boolean; busy: boolean }
  | { step: 'done'; message: string };

/** A fresh profile takes the backup's settings too; one in use keeps its own unless asked. */
async function isFreshProfile(): Promise<boolean> {
  const [subscriptions, saved] = await Promise.all([subscriptionCount(), savedCount()]);
  return subscriptions === 0 && saved === 0;
}

/** Export everything to one JSON file; import one, checked whole and shown before it is merged. */
export function BackupSection() {
  const { now, download, send } = useServices();
  const [exported, setExported] = useState<string | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const exportBackup = async () => {
    const at = new Date(now());
    const backup = await createBackup(at);
    const filename = backupFilename(at);
    download(filename, backupJson(backup), 'application/json');
    setExported(
      `Saved ${filename}: ${formatCount(backup.subscriptions.length, 'subscription', 'subscriptions')}, ` +
        `${formatCount(backup.library.length, 'saved paper', 'saved papers')} and your settings.`,
    );
  };

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again after a fix is a new choice
    if (!file) return;
    setState({ step: 'reading' });
    const reading = await readBackupFile(file);
    if (!reading.ok) return setState({ step: 'invalid', fileName: file.name, problems: reading.problems, more: reading.more });
    const [summary, fresh] = await Promise.all([previewImport(reading.backup, { now: now() }), isFreshProfile()]);
    setState({ step: 'review', fileName: file.name, backup: reading.backup, summary, restoreSettings: fresh, busy: false });
  };

  const confirm = async () => {
    if (state.step !== 'review') return;
    setState({ ...state, busy: true });
    try {
      const summary = await applyImport(state.backup, { now: now(), restoreSettings: state.restoreSettings });
      if (summary.addedSubscriptionIds.length > 0) {
        send('syncNow', { subscriptionIds: summary.addedSubscriptionIds }).catch(() => undefined); // the next sync catches up
      }
      const settings = state.restoreSettings ? ' Settings restored.' : '';
      setState({
        step: 'done',
        message:
          `Imported ${formatCount(summary.subscriptionsAdded, 'subscription', 'subscriptions')} and ` +
          `${formatCount(summary.papersAdded, 'paper', 'papers')}` +
          (summary.papersMerged > 0 ? `; merged tags and notes into ${formatCount(summary.papersMerged, 'paper', 'papers')}` : '') +
          `.${settings}`,
      });
    } catch (error) {
      setState({ step: 'done', message: `The import failed and nothing was changed: ${(error as Error).message}` });
    }
  };

  return (
    <section id="backup" class="panel" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <p class="lead">One file with your subscriptions, your library (with tags and notes) and your settings, to keep or to move to another browser.</p>
      <div class="actions">
        <button type="button" class="button-primary" data-testid="export-button" onClick={() => void exportBackup()}>
          Export backup
        </button>
        <label class="button-secondary file-button">
          Import backup…
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            class="visually-hidden"
            onChange={(e) => void chooseFile(e.currentTarget)}
          />
        </label>
      </div>
      {exported && (
        <p class="notice" role="status">
          {exported}
        </p>
      )}
      {state.step === 'reading' && <p role="status">Checking the file…</p>}
      {state.step === 'invalid' && (
        <div class="problems-box" role="alert">
          <p>
            <strong>{state.fileName} can’t be imported.</strong> Nothing was changed. What is wrong:
          </p>
          <ul class="problem-list">
            {state.problems.map((problem, i) => (
              <li key={i}>
                <code>{describeProblem(problem)}</code>
              </li>
            ))}
          </ul>
          {state.more > 0 && <p>…and {formatCount(state.more, 'more problem', 'more problems')}.</p>}
        </div>
      )}
      {state.step === 'review' && (
        <ImportReview
          fileName={state.fileName}
          exportedAt={state.backup.exportedAt}
          summary={state.summary}
          restoreSettings={state.restoreSettings}
          onRestoreSettings={(restoreSettings) => setState({ ...state, restoreSettings })}
          onConfirm={() => void confirm()}
          onCancel={() => setState({ step: 'idle' })}
          busy={state.busy}
        />
      )}
      {state.step === 'done' && (
        <p class="notice" role="status">
          {state.message}
        </p>
      )}
    </section>
  );
}
