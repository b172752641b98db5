/**
 * `text` without the characters of `chars` at its end. A loop, not /[…]+$/: that expression
 * tries again from every character of a long run ("!!!…!x"), and so reads it quadratically.
 */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}
