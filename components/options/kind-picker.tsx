import { SUBSCRIPTION_KINDS } from '../../lib/schema/limits';
import type { SubscriptionKind } from '../../lib/subscription';
import { KIND_NAMES } from './draft';

/** What kind of subscription: a row of radio buttons that looks like a segmented control. */
export function KindPicker({ name, value, onChange }: { name: string; value: SubscriptionKind; onChange: (kind: SubscriptionKind) => void }) {
  return (
    <fieldset class="kind-picker">
      <legend class="visually-hidden">Watch for</legend>
      {SUBSCRIPTION_KINDS.map((kind) => (
        <label key={kind} class={kind === value ? 'kind kind-selected' : 'kind'}>
          <input type="radio" name={name} value={kind} checked={kind === value} onChange={() => onChange(kind)} />
          {KIND_NAMES[kind]}
        </label>
      ))}
    </fieldset>
  );
}
