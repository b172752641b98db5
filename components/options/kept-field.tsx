import { useId, useRef, useState } from 'preact/hooks';
import { keepFewer, papersRemovedByKeeping, undoKeepFewer } from '../../lib/db/keep-fewer';
import { RECENT_DAYS } from '../../lib/db/retention';
import { PAPERS_PER_SUBSCRIPTION_RANGE, type Settings } from '../../lib/settings';
import { formatCount } from './format';
import { useServices } from './services';
import { UndoToast, type Toast } from './undo-toast';
import { messageOf } from '../common/error-message';

interface KeptFieldProps {
  kept: number;
  onChange: (changes: Partial<Settings>) => Promise<void>;
}

/** A lower number that removes papers waits for the user's yes, with the count in words. */
interface Pending {
  value: number;
  removes: number;
  /** The user said yes; the papers are being removed. */
  removing?: boolean;
}

/**
 * "Papers kept per subscription". A number out of range is said, not silently changed; a lower
 * one that removes papers says how many and asks first, and the removal can be undone.
 */
export function KeptField({ kept, onChange }: KeptFieldProps) {
  const { now, undoMs } = useServices();
  const ids = { field: useId(), problem: useId() };
  const { min, max } = PAPERS_PER_SUBSCRIPTION_RANGE;
  // The number is saved on leaving the field, so typing "350" does not pass through 10 and 35.
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const toasts = useRef(0);
  const field = useRef<HTMLInputElement>(null);
  /**
   * The question's buttons go once it is answered: the focus goes back to the number, not to the
   * page (unless the reader has gone on meanwhile). Undo is the next stop after it.
   */
  const backToField = () =>
    setTimeout(() => {
      if (!document.activeElement || document.activeElement === document.body) field.current?.focus();
    }, 0);

  const fail = (error: unknown) => setProblem(`The number could not be changed: ${messageOf(error)}`);

  const commit = async () => {
    if (typed === null || pending) return;
    const value = Number(typed);
    if (typed.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      setProblem(`Papers kept per subscription is a whole number from ${min} to ${max}; ${kept} stays until you choose one.`);
      return;
    }
    setProblem(null);
    if (value === kept) return setTyped(null);
    try {
      const removes = value < kept ? await papersRemovedByKeeping(value, now()) : 0;
      if (removes > 0) return setPending({ value, removes });
      await onChange({ papersPerSubscription: value });
      setTyped(null);
    } catch (error) {
      fail(error);
    }
  };

  const confirm = async () => {
    if (!pending || pending.removing) return;
    setPending({ ...pending, removing: true });
    const previous = kept;
    try {
      const { removed, before } = await keepFewer(pending.value, now());
      await onChange({ papersPerSubscription: pending.value });
      setPending(null);
      setTyped(null);
      backToField();
      setToast({
        key: ++toasts.current,
        message: `Removed ${formatCount(removed, 'paper', 'papers')}: each subscription keeps its newest ${pending.value}.`,
        onUndo: () =>
          void undoKeepFewer(before)
            .then(() => onChange({ papersPerSubscription: previous }))
            .catch(fail),
      });
    } catch (error) {
      setPending(null);
      backToField();
      fail(error);
    }
  };

  const cancel = () => {
    if (pending?.removing) return;
    setPending(null);
    setTyped(null);
    backToField();
  };

  return (
    <div class="field">
      <label for={ids.field}>Papers kept per subscription</label>
      <input
        ref={field}
        id={ids.field}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={10}
        class="narrow"
        aria-invalid={problem !== null}
        aria-describedby={problem ? ids.problem : undefined}
        value={typed ?? String(kept)}
        onInput={(e) => {
          setTyped(e.currentTarget.value);
          setProblem(null);
        }}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          else if (e.key === 'Escape' && pending) cancel();
        }}
      />
      <span class="hint block">
        From {min} to {max}. Older papers leave the feed; saved papers and papers from the last {RECENT_DAYS} days are always kept.
      </span>
      {problem && (
        <p id={ids.problem} class="problems-error" role="alert">
          {problem}
        </p>
      )}
      {pending && (
        <div class="confirm" role="group" aria-label="Keep fewer papers?" onKeyDown={(e) => e.key === 'Escape' && cancel()}>
          {/* Said when it appears: the focus may be in the number (Enter) or gone on (Tab saves it too). */}
          <p role="alert">
            Keeping {pending.value} papers per subscription removes {formatCount(pending.removes, 'paper', 'papers')} from your feed now. Saved
            papers, papers from the last {RECENT_DAYS} days and those another subscription keeps stay.
          </p>
          {/* aria-disabled, not disabled: a disabled button drops the focus to the page. */}
          <button type="button" class="button-danger" aria-disabled={pending.removing} aria-busy={pending.removing} onClick={() => void confirm()}>
            {pending.removing ? 'Removing…' : `Remove ${formatCount(pending.removes, 'paper', 'papers')}`}
          </button>{' '}
          <button type="button" class="button-secondary" aria-disabled={pending.removing} onClick={cancel}>
            Keep {kept}
          </button>
        </div>
      )}
      <UndoToast toast={toast} durationMs={undoMs} onClose={() => setToast(null)} />
    </div>
  );
}
