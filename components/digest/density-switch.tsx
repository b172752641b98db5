import type { Density } from '../../lib/ui/density';

const CHOICES: { density: Density; label: string; title: string }[] = [
  { density: 'comfortable', label: 'Cards', title: 'Whole cards: claim, abstract and figure' },
  { density: 'compact', label: 'Compact', title: 'One or two lines per paper; each opens in place' },
];

/** Cards or Compact, as two toggle buttons of which one is pressed. */
export function DensitySwitch({ density, onDensity }: { density: Density; onDensity: (density: Density) => void }) {
  return (
    <div class="density" role="group" aria-label="Density">
      {CHOICES.map((choice) => (
        <button
          key={choice.density}
          type="button"
          class={choice.density === density ? 'density__choice density__choice--on' : 'density__choice'}
          aria-pressed={choice.density === density}
          data-density={choice.density}
          title={choice.title}
          onClick={() => onDensity(choice.density)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
