import { useState } from 'preact/hooks';
import { backupFilename, backupJson, exportBackup as writeBackup } from '../../lib/backup/export';
import type { ImportedBackup, ImportProblem } from '../../lib/backup/format';
import { applyImport, previewImport, type ImportSummary } from '../../lib/backup/import';
import { describeProblem, readBackupFile } from '../../lib/backup/validate';
import { savedCount } from '../../lib/db/library';
import { subscriptionCount } from '../../lib/db/subscriptions';
import { asSentence, formatCount } from './format';
import { ImportReview } from './import-review';
import { useServices } from './services';
import { messageOf } from '../common/error-message';

type ImportState =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'invalid'; fileName: string; problems: ImportProblem[]; more: number }
  | { step: 'review'; fileName: string; backup: ImportedBackup; summary: ImportSummary; restoreSettings: boolean; busy: boolean }
  | { step: 'done'; message: string; failed?: boolean; sync?: FirstSync };

/** The first check of arXiv for the subscriptions an import added: asked for, then its outcome. */
type FirstSync = { state: 'checking'; count: number } | { state: 'done'; message: string } | { state: 'failed'; message: string };

function firstSyncText(sync: FirstSync): string {
  if (sync.state !== 'checking') return sync.message;
  return `Asking arXiv for the papers of ${formatCount(sync.count, 'imported subscription', 'imported subscriptions')}…`;
}

/** A fresh profile takes the backup's settings too; one in use keeps its own unless asked. */
async function isFreshProfile(): Promise<boolean> {
  const [subscriptions, saved] = await Promise.all([subscriptionCount(), savedCount()]);
  return subscriptions === 0 && saved === 0;
}

/** Export everything to one JSON file; import one, checked whole and shown before it is merged. */
export function BackupSection() {
  const { now, download, send } = useServices();
  const [exported, setExported] = useState<{ text: string; failed: boolean } | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const exportBackup = async () => {
    try {
      const at = new Date(now());
      const { backup, shortened } = await writeBackup(at);
      const filename = backupFilename(at);
      download(filename, backupJson(backup), 'application/json');
      const text =
        `Saved ${filename}: ${formatCount(backup.subscriptions.length, 'subscription', 'subscriptions')}, ` +
        `${formatCount(backup.library.length, 'saved paper', 'saved papers')} and your settings.` +
        (shortened > 0
          ? ` ${formatCount(shortened, 'tag list, note or name', 'tag lists, notes or names')} longer than a backup holds ${shortened === 1 ? 'was' : 'were'} shortened in the file.`
          : '');
      setExported({ text, failed: false });
    } catch (error) {
      setExported({ text: `The backup could not be written: ${messageOf(error)}`, failed: true });
    }
  };

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again after a fix is a new choice
    if (!file) return;
    setState({ step: 'reading' });
    try {
      const reading = await readBackupFile(file);
      if (!reading.ok) return setState({ step: 'invalid', fileName: file.name, problems: reading.problems, more: reading.more });
      const [summary, fresh] = await Promise.all([previewImport(reading.backup, { now: now() }), isFreshProfile()]);
      setState({ step: 'review', fileName: file.name, backup: reading.backup, summary, restoreSettings: fresh, busy: false });
    } catch (error) {
      setState({ step: 'done', message: `${file.name} could not be read, and nothing was changed: ${messageOf(error)}`, failed: true });
    }
  };

  /** The new subscriptions' first sync; what it brought, or why it could not, is said under the import's result. */
  const syncImported = (done: Extract<ImportState, { step: 'done' }>, ids: string[]) => {
    const show = (sync: FirstSync) => setState((current) => (current.step === 'done' && current.message === done.message ? { ...current, sync } : current));
    show({ state: 'checking', count: ids.length });
    send('syncNow', { subscriptionIds: ids }).then(
      (summary) => {
        if (summary.state === 'ok') show({ state: 'done', message: `arXiv sent ${formatCount(summary.added, 'new paper', 'new papers')} for them.` });
        else show({ state: 'failed', message: `Their papers could not be fetched yet. ${asSentence(summary.message ?? summary.state)} Paper Radar will try again at its next check.` });
      },
      (error: unknown) => show({ state: 'failed', message: `Their papers could not be fetched yet. ${asSentence(messageOf(error))} Paper Radar will try again at its next check.` }),
    );
  };

  const confirm = async () => {
    if (state.step !== 'review') return;
    setState({ ...state, busy: true });
    try {
      const summary = await applyImport(state.backup, { now: now(), restoreSettings: state.restoreSettings });
      const settings = state.restoreSettings ? ' Settings restored.' : '';
      const done = {
        step: 'done' as const,
        message:
          `Imported ${formatCount(summary.subscriptionsAdded, 'subscription', 'subscriptions')} and ` +
          `${formatCount(summary.papersAdded, 'paper', 'papers')}` +
          (summary.papersMerged > 0 ? `; merged tags and notes into ${formatCount(summary.papersMerged, 'paper', 'papers')}` : '') +
          `.${settings}`,
      };
      setState(done);
      if (summary.addedSubscriptionIds.length > 0) syncImported(done, summary.addedSubscriptionIds);
    } catch (error) {
      setState({ step: 'done', message: `The import failed and nothing was changed: ${messageOf(error)}`, failed: true });
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
        <p class={exported.failed ? 'problems-error' : 'notice'} role={exported.failed ? 'alert' : 'status'}>
          {exported.text}
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
        <p class={state.failed ? 'problems-error' : 'notice'} role={state.failed ? 'alert' : 'status'}>
          {state.message}
        </p>
      )}
      {state.step === 'done' && state.sync && (
        <p class={state.sync.state === 'failed' ? 'problems-error' : 'notice'} role={state.sync.state === 'failed' ? 'alert' : 'status'} data-first-sync={state.sync.state}>
          {firstSyncText(state.sync)}
        </p>
      )}
    </section>
  );
}
