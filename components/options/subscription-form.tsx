import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { isKnownCategory } from '../../lib/arxiv/categories';
import { useCategoryCombobox } from './category-combobox';
import { CategorySuggestions } from './category-suggestions';
import { checkDraft, draftQuery, KIND_EXAMPLES, KIND_HELP, unknownCategories, type Draft } from './draft';
import { KindPicker } from './kind-picker';
import { QueryCheck } from './query-check';
import { QueryPreview } from './query-preview';
import { SubscriptionLimits } from './subscription-limits';

interface SubscriptionFormProps {
  initial: Draft;
  mode: 'add' | 'edit';
  /** The name of the subscription being edited, said above the form (it looks like the one for a new subscription). */
  editing?: string;
  /** Resolves when stored; a rejection's message is shown and the draft kept. */
  onSubmit: (draft: Draft) => Promise<void>;
  onCancel?: () => void;
}

/**
 * What is being typed after the last comma of a category value (`cs.DC, machine lear` →
 * `machine lear`): the search for the picker, unless it already is a list of category ids.
 */
function categorySearch(value: string): string {
  const segment = value.slice(value.lastIndexOf(',') + 1).trimStart();
  const words = segment.split(/\s+/).filter((word) => word !== '');
  return words.every(isKnownCategory) ? '' : segment;
}

function replaceSearch(value: string, id: string): string {
  const start = value.lastIndexOf(',') + 1;
  return `${value.slice(0, start)}${start > 0 ? ' ' : ''}${id}`;
}

/** Adding and editing a subscription: kind, value, limits; the query and its problems as it is typed. */
export function SubscriptionForm({ initial, mode, editing, onSubmit, onCancel }: SubscriptionFormProps) {
  const [draft, setDraft] = useState(initial);
  const [failure, setFailure] = useState<string | null>(null);
  /** What keeps the draft from being added, said when the reader tries to (Enter, Add); `key` says it again each time. */
  const [refusal, setRefusal] = useState<{ text: string; key: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), help: useId(), check: useId(), list: useId(), kinds: useId(), title: useId(), failure: useId() };
  const check = useMemo(() => checkDraft(draft), [draft]);
  // A failure or a refusal was about the draft as it was: a change makes it stale.
  const change = (changes: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setFailure(null);
    setRefusal(null);
  };

  const search = draft.kind === 'category' ? categorySearch(draft.value) : '';
  const combobox = useCategoryCombobox(ids.list, search, (id) => change({ value: replaceSearch(draft.value, id) }));
  // While names are being looked up in the suggestions ("machine learning"), their words are no
  // category ids yet: neither a problem nor a category to confirm. Said once the list closes.
  const naming = draft.kind === 'category' && combobox.open;
  const unknown = useMemo(() => (naming ? [] : unknownCategories(draftQuery(draft))), [draft, naming]);
  const shownCheck = naming ? { ...check, problems: check.problems.filter((problem) => problem.code !== 'unknown-category') } : check;

  const refuse = () => {
    const errors = check.problems.filter((p) => p.severity === 'error').map((p) => p.message);
    setRefusal((before) => ({ text: `Can’t ${mode === 'add' ? 'add' : 'save'} this yet: ${errors.join(' ') || 'type a subscription first.'}`, key: (before?.key ?? 0) + 1 }));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (check.blocked) return refuse();
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(draft);
      if (mode === 'add') {
        setDraft({ ...initial, kind: draft.kind });
        input.current?.focus();
      }
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // Enter adds, as the browser's implicit submission would; said outright so that it holds
  // whatever else the input does with keys (the category suggestions take Enter first).
  const onKeyDown = (event: KeyboardEvent) => {
    if (draft.kind === 'category') combobox.inputProps.onKeyDown(event);
    if (event.defaultPrevented || event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    // Enter on a name no suggestion was chosen for: the list closes, and what is wrong shows.
    if (naming && check.blocked) {
      combobox.dismiss();
      refuse();
    } else (event.currentTarget as HTMLInputElement).form?.requestSubmit();
  };

  const testId = (id: string) => (mode === 'add' ? { 'data-testid': id } : {});

  return (
    <form
      class={`subscription-form subscription-form-${mode}`}
      onSubmit={submit}
      noValidate
      aria-labelledby={editing !== undefined ? ids.title : undefined}
      onKeyDown={(event) => {
        // Escape leaves an edit as Cancel does (the category suggestions take it first when open).
        if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing || !onCancel) return;
        event.preventDefault();
        onCancel();
      }}
    >
      {editing !== undefined && (
        <p id={ids.title} class="subscription-form__title">
          Editing “{editing}”
        </p>
      )}
      <div class="kind-row">
        <KindPicker name={ids.kinds} value={draft.kind} onChange={(kind) => change({ kind })} />
        <p id={ids.help} class="kind-help">
          {KIND_HELP[draft.kind]}
        </p>
      </div>
      <div class="form-row">
        <div class="combobox grow">
          <label for={ids.input} class="visually-hidden">
            {mode === 'add' ? 'New subscription' : 'Subscription'}
          </label>
          <input
            ref={input}
            id={ids.input}
            data-control="query"
            type="text"
            autocomplete="off"
            spellcheck={false}
            placeholder={KIND_EXAMPLES[draft.kind]}
            value={draft.value}
            aria-describedby={`${ids.help} ${ids.check}${failure ? ` ${ids.failure}` : ''}`}
            aria-invalid={(check.blocked && draft.value.trim() !== '' && !naming) || failure !== null}
            onInput={(event) => change({ value: event.currentTarget.value })}
            {...(draft.kind === 'category' ? combobox.inputProps : {})}
            onKeyDown={onKeyDown}
            {...testId('subscription-input')}
          />
          {draft.kind === 'category' && <CategorySuggestions id={ids.list} combobox={combobox} />}
        </div>
        {/* aria-disabled, not disabled: Tab still reaches it, and pressing it says what is missing. */}
        <button type="submit" class="button-primary" aria-disabled={check.blocked || busy} {...testId('subscription-add')}>
          {mode === 'add' ? 'Add' : 'Save'}
        </button>
        {onCancel && (
          <button type="button" class="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <QueryCheck
        id={ids.check}
        check={shownCheck}
        onFix={(value) => {
          change({ value });
          input.current?.focus();
        }}
      />
      {unknown.length > 0 && (
        <label class="check confirm-category">
          <input
            type="checkbox"
            checked={check.unconfirmed.length === 0}
            onChange={(event) =>
              change({
                confirmedCategories: event.currentTarget.checked
                  ? [...draft.confirmedCategories, ...unknown]
                  : draft.confirmedCategories.filter((id) => !unknown.includes(id)),
              })
            }
          />
          <span>
            {mode === 'add' ? 'Add' : 'Save'} it anyway: arXiv has {unknown.length === 1 ? `a category “${unknown[0]}”` : `the categories ${unknown.map((id) => `“${id}”`).join(', ')}`} that
            Paper Radar’s list does not know yet
          </span>
        </label>
      )}
      {failure && (
        <p id={ids.failure} class="problems-error" role="alert">
          {failure}
        </p>
      )}
      {refusal && (
        <p class="visually-hidden" role="alert" key={refusal.key}>
          {refusal.text}
        </p>
      )}
      <SubscriptionLimits draft={draft} change={change} />
      <QueryPreview query={draftQuery(draft)} searchQuery={check.searchQuery} mode={mode} />
    </form>
  );
}
