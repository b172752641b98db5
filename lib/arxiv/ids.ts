export interface ParsedArxivId {
  /** Base id without version: '2605.12345', 'hep-th/9711200'. */
  id: string;
  version?: number;
}

// New scheme (2007-04 on): YYMM.NNNN until 2014-12, YYMM.NNNNN from 2015-01.
const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$/;
// Old scheme (1991 to 2007-03): archive[.SUBJECT-CLASS]/YYMMNNN; the subject class is not part of the id.
const OLD_ID = /^([a-z]+(?:-[a-z]+)?)(?:\.[A-Za-z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?$/;
const URL_PREFIX = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+)$/i;
const ARXIV_PREFIX = /^arxiv:\s*/i;

function validMonth(mm: string): boolean {
  const month = Number(mm);
  return month >= 1 && month <= 12;
}

function version(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return n >= 1 && Number.isSafeInteger(n) ? n : Number.NaN;
}

function parseBare(candidate: string): ParsedArxivId | null {
  const modern = NEW_ID.exec(candidate);
  if (modern) {
    const [, yy, mm, number, v] = modern as unknown as [string, string, string, string, string | undefined];
    if (!validMonth(mm)) return null;
    const fiveDigits = Number(yy) >= 15;
    if ((number.length === 5) !== fiveDigits) return null;
    return withVersion(`${yy}${mm}.${number}`, version(v));
  }
  const old = OLD_ID.exec(candidate);
  if (old) {
    const [, archive, yy, mm, number, v] = old as unknown as [string, string, string, string, string, string | undefined];
    if (!validMonth(mm)) return null;
    return withVersion(`${archive}/${yy}${mm}${number}`, version(v));
  }
  return null;
}

function withVersion(id: string, v: number | undefined): ParsedArxivId | null {
  if (v === undefined) return { id };
  if (Number.isNaN(v)) return null;
  return { id, version: v };
}

/**
 * Reads an arXiv identifier from what people paste or link: a bare id (with or without
 * version), an `arXiv:` prefix, or an abs/pdf/html URL on arxiv.org. Anything else is null.
 */
export function parseArxivId(input: string): ParsedArxivId | null {
  if (typeof input !== 'string' || input.length > 300) return null;
  let candidate = input.trim();
  const url = URL_PREFIX.exec(candidate);
  if (url) {
    candidate = (url[1] ?? '').replace(/[?#].*$/, '').replace(/\/$/, '').replace(/\.pdf$/i, '');
  } else {
    candidate = candidate.replace(ARXIV_PREFIX, '');
  }
  return parseBare(candidate);
}

/** True when `id` is a base id as stored (no version, canonical form). */
export function isBaseArxivId(id: unknown): id is string {
  if (typeof id !== 'string') return false;
  const parsed = parseBare(id);
  return parsed !== null && parsed.id === id && parsed.version === undefined;
}
