import type { LintProblem } from '../../lib/arxiv/query';
import type { DraftCheck } from './draft';

/** A button that takes a problem's advice, where the advice is a new value. */
function FixButton({ problem, onFix }: { problem: LintProblem; onFix?: (value: string) => void }) {
  if (!onFix || problem.fixedValue === undefined) return null;
  const value = problem.fixedValue;
  return (
    <button type="button" class="button-secondary problem-fix" onClick={() => onFix(value)}>
      Use “{value}”
    </button>
  );
}

/** Under the input while typing: the exact query arXiv will get, and what is wrong with it. */
export function QueryCheck({ check, id, onFix }: { check: DraftCheck; id: string; onFix?: (value: string) => void }) {
  const errors = check.problems.filter((p) => p.severity === 'error');
  const warnings = check.problems.filter((p) => p.severity === 'warning');
  return (
    <div id={id} class="query-check">
      {check.searchQuery !== null && (
        <p class="query-line">
          <span class="query-label">Sent to arXiv as</span> <code class="query-text">{check.searchQuery}</code>
        </p>
      )}
      {errors.length > 0 && (
        // Not an alert: they change with each key typed. The input names them (aria-describedby),
        // and the form says them when the reader tries to add.
        <ul class="problems problems-error">
          {errors.map((problem) => (
            <li key={problem.code} data-code={problem.code}>
              <strong>Can’t add this yet:</strong> {problem.message} <FixButton problem={problem} onFix={onFix} />
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul class="problems problems-warning" aria-live="polite">
          {warnings.map((problem) => (
            <li key={problem.code} data-code={problem.code}>
              <strong>Check:</strong> {problem.message} <FixButton problem={problem} onFix={onFix} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
