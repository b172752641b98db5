import { useState } from 'preact/hooks';
import { lintQuery } from '../../lib/arxiv/query-lint';
import { addSubscription } from '../../lib/db/subscriptions';
import type { SubscriptionKind } from '../../lib/subscription';
import { useServices } from '../common/services';
import { useSyncNow } from '../common/sync-controls';

type FirstKind = Exclude<SubscriptionKind, 'raw'>;

const KINDS: { kind: FirstKind; label: string; placeholder: string }[] = [
  { kind: 'keyword', label: 'Keyword', placeholder: 'e.g. graph neural networks' },
  { kind: 'author', label: 'Author', placeholder: 'e.g. Adrian Del Maestro' },
  { kind: 'category', label: 'Category', placeholder: 'e.g. cs.DC or hep-th' },
];

const EXAMPLES: { kind: FirstKind; value: string }[] = [
  { kind: 'keyword', value: 'large language models' },
  { kind: 'keyword', value: 'quantum error correction' },
  { kind: 'author', value: 'Del Maestro' },
  { kind: 'category', value: 'cs.DC' },
];

/**
 * The first visit: what Paper Radar does in two lines, and a first keyword, author or category
 * added right here. Papers appear as soon as the first sync brings them.
 */
export function FirstRun() {
  const services = useServices();
  const syncNow = useSyncNow();
  const [kind, setKind] = useState<FirstKind>('keyword');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const [adding, setAdding] = useState(false);

  const follow = async (event: Event) => {
    event.preventDefault();
    const query = { kind, value: value.trim(), categories: [], exclude: [] };
    // A category arXiv does not have would find nothing; the options page can add one anyway.
    const error = lintQuery(query).find((p) => p.severity === 'error' || p.code === 'unknown-category');
    if (error) {
      setProblem(error.message);
      return;
    }
    setAdding(true);
    try {
      const subscription = await addSubscription(query, services.now());
      syncNow([subscription.id]);
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : String(failure));
      setAdding(false);
    }
  };

  return (
    <section class="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title" class="first-run__title">
        New papers from arXiv, on every new tab.
      </h2>
      <p class="first-run__lead">
        Name a topic, an author or a category; Paper Radar checks arXiv after each announcement and shows what is new here.
        <br />
        No account, no server: everything stays in your browser.
      </p>
      <form class="first-run__form" onSubmit={(event) => void follow(event)}>
        <div class="segmented" role="radiogroup" aria-label="What to follow">
          {KINDS.map((k) => (
            <label key={k.kind} class={kind === k.kind ? 'segmented__option segmented__option--on' : 'segmented__option'}>
              <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
              {k.label}
            </label>
          ))}
        </div>
        <div class="first-run__row">
          <input
            class="text-input"
            data-testid="subscription-input"
            aria-label={`${KINDS.find((k) => k.kind === kind)?.label} to follow`}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? 'first-run-problem' : undefined}
            placeholder={KINDS.find((k) => k.kind === kind)?.placeholder}
            value={value}
            onInput={(event) => {
              setValue(event.currentTarget.value);
              setProblem(undefined);
            }}
          />
          <button type="submit" class="button button--primary" data-testid="subscription-add" disabled={adding}>
            Follow
          </button>
        </div>
        {problem && (
          <p id="first-run-problem" class="first-run__problem" role="alert">
            {problem}
          </p>
        )}
      </form>
      <p class="first-run__examples">
        Try:{' '}
        {EXAMPLES.map((example) => (
          <button
            key={example.value}
            type="button"
            class="chip"
            onClick={() => {
              setKind(example.kind);
              setValue(example.value);
              setProblem(undefined);
            }}
          >
            {example.kind === 'keyword' ? example.value : `${example.kind}: ${example.value}`}
          </button>
        ))}
      </p>
      <p class="first-run__more">
        Exclusions, category limits and raw arXiv queries are in{' '}
        <button type="button" class="link-button" onClick={services.openOptions}>
          Options
        </button>
        .
      </p>
    </section>
  );
}
