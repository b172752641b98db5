import type { ImportProblem } from './format';

/** Beyond this many problems a file is plainly not a backup; listing more helps nobody. */
export const MAX_PROBLEMS = 50;

// The latest moment a JavaScript Date can hold (year 275760): anything beyond is not a date.
const MAX_EPOCH_MS = 8.64e15;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : 'a number';
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
};

/**
 * Reads untrusted JSON against an expected shape, collecting every problem with its path instead
 * of stopping at the first, so that the user learns everything that is wrong at once. Each reader
 * returns the value when it fits and `undefined` (with a problem noted) when it does not.
 */
export class Checker {
  readonly problems: ImportProblem[] = [];
  /** Problems beyond MAX_PROBLEMS: counted, not kept. */
  more = 0;

  fail(path: string, message: string): undefined {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, message });
    else this.more += 1;
    return undefined;
  }

  /**
   * A plain object with no fields but `known` (and all of `required`). Unknown fields are refused
   * rather than ignored: that is also what keeps `__proto__` and `constructor` out.
   */
  object(value: unknown, path: string, known: readonly string[], optional: readonly string[] = []): Record<string, unknown> | undefined {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return this.fail(path, `expected an object, found ${describe(value)}`);
    const record = value as Record<string, unknown>;
    let fits = true;
    for (const key of Object.keys(record)) {
      if (known.includes(key)) continue;
      this.fail(join(path, key), 'not a field of a Paper Radar backup');
      fits = false;
    }
    for (const key of known) {
      if (optional.includes(key) || Object.hasOwn(record, key)) continue;
      this.fail(join(path, key), 'missing');
      fits = false;
    }
    return fits ? record : undefined;
  }

  array(value: unknown, path: string, maxLength: number): unknown[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, `expected a list, found ${describe(value)}`);
    if (value.length > maxLength) return this.fail(path, `a list of ${value.length} items; at most ${maxLength} are allowed`);
    return value;
  }

  /** Each item through `read`; undefined when any item does not fit. */
  list<T>(value: unknown, path: string, maxLength: number, read: (item: unknown, path: string) => T | undefined): T[] | undefined {
    const items = this.array(value, path, maxLength);
    if (!items) return undefined;
    const out: T[] = [];
    let fits = true;
    items.forEach((item, i) => {
      const result = read(item, `${path}[${i}]`);
      if (result === undefined) fits = false;
      else out.push(result);
    });
    return fits ? out : undefined;
  }

  text(value: unknown, path: string, maxLength: number, options: { nonEmpty?: boolean } = {}): string | undefined {
    if (typeof value !== 'string') return this.fail(path, `expected text, found ${describe(value)}`);
    if (value.length > maxLength) return this.fail(path, `text of ${value.length} characters; at most ${maxLength} are allowed`);
    if (options.nonEmpty && value.trim() === '') return this.fail(path, 'empty');
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value !== 'boolean') return this.fail(path, `expected true or false, found ${describe(value)}`);
    return value;
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(path, `expected a whole number, found ${describe(value)}`);
    if (value < min || value > max) return this.fail(path, `expected a whole number from ${min} to ${max}, found ${value}`);
    return value;
  }

  /** A moment as epoch milliseconds: not negative, not beyond what a Date holds. */
  epochMs(value: unknown, path: string): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(path, `expected a time in milliseconds, found ${describe(value)}`);
    if (value < 0 || value > MAX_EPOCH_MS) return this.fail(path, `not a real date (${value})`);
    return value;
  }

  /** An ISO 8601 date and time, as arXiv and Date#toISOString write them. */
  isoDate(value: unknown, path: string): string | undefined {
    const text = this.text(value, path, 40);
    if (text === undefined) return undefined;
    if (!ISO_DATE.test(text) || !Number.isFinite(Date.parse(text))) return this.fail(path, `expected a date such as 2017-06-12T17:57:34Z, found "${text}"`);
    return text;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      return this.fail(path, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, found ${describe(value)}`);
    }
    return value as T;
  }
}

/** `library[3]` + `paper` → `library[3].paper`. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
