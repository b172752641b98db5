import type { MachineSummary } from '../../lib/text/summarizer';
import { MathText } from '../math/math-text';

export const MACHINE_NOTE = 'Written by your browser’s on-device model';

interface LeadLineProps {
  /** The model's headline and tldr, when the reader turned them on and they exist. */
  machine: MachineSummary | undefined;
  /** The claim of the abstract's main result. */
  keyResult: string | null;
}

/**
 * What a card leads with: the model's headline, marked as machine-written, or else the
 * abstract's key result. Never both: they would say the same thing twice.
 */
export function LeadLine({ machine, keyResult }: LeadLineProps) {
  if (machine) {
    return (
      <div class="card__lead card__lead--machine" data-lead="machine">
        <p class="card__headline">
          <span class="card__ai-tag" title={MACHINE_NOTE} aria-hidden="true">
            AI
          </span>
          <span class="visually-hidden">{MACHINE_NOTE}: </span>
          <MathText text={machine.headline} />
        </p>
        {machine.tldr && (
          <p class="card__tldr">
            <MathText text={machine.tldr} />
          </p>
        )}
      </div>
    );
  }
  if (!keyResult) return null;
  return (
    <p class="card__lead card__key-result" data-lead="key-result">
      <MathText text={keyResult} />
    </p>
  );
}
