import { useId, useState } from 'preact/hooks';
import { CategoryChips } from './category-chips';
import type { Draft } from './draft';

interface SubscriptionLimitsProps {
  draft: Draft;
  change: (changes: Partial<Draft>) => void;
}

/** The optional parts of a subscription, folded away until wanted: categories, exclusions, name. */
export function SubscriptionLimits({ draft, change }: SubscriptionLimitsProps) {
  const ids = { exclude: useId(), label: useId() };
  // Open at first when the subscription has limits; after that the user opens and closes it
  // (emptying a field must not fold it away under the cursor).
  const [initiallyOpen] = useState(() => draft.categories.length > 0 || draft.exclude.trim() !== '' || draft.label.trim() !== '');
  return (
    <details class="more" open={initiallyOpen}>
      <summary>Limit to categories, leave out words, name</summary>
      <CategoryChips label="Only in these categories" value={draft.categories} onChange={(categories) => change({ categories })} />
      <div class="field">
        <label for={ids.exclude}>Leave out papers that mention (separate with commas)</label>
        <input id={ids.exclude} type="text" placeholder="survey, review" value={draft.exclude} onInput={(event) => change({ exclude: event.currentTarget.value })} />
      </div>
      <div class="field">
        <label for={ids.label}>Name on chips and notifications</label>
        <input
          id={ids.label}
          type="text"
          placeholder={draft.value.trim() || 'Same as what it watches'}
          value={draft.label}
          onInput={(event) => change({ label: event.currentTarget.value })}
        />
      </div>
    </details>
  );
}
