/** A response body longer than a read allows: the read stopped there. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The answer was larger than ${formatBytes(maxBytes)}, far more than arXiv sends; Paper Radar stopped reading it.`);
  }
}

export const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`);

/**
 * A response's text, read as a stream and never past `maxBytes` (counted after the browser
 * has decompressed it, so a small compressed answer cannot inflate without bound). Past the cap
 * it throws `TooLargeError`, or with `keepPrefix` returns what was read up to it.
 */
export async function readBody(response: Response, maxBytes: number, options: { keepPrefix?: boolean } = {}): Promise<{ text: string; truncated: boolean }> {
  const declared = Number(response.headers.get('content-length'));
  if (!options.keepPrefix && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new TooLargeError(maxBytes);
  }
  if (!response.body) return { text: '', truncated: false };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - read;
    if (value.byteLength > room) {
      await reader.cancel();
      if (!options.keepPrefix) throw new TooLargeError(maxBytes);
      parts.push(decoder.decode(value.subarray(0, room)));
      return { text: parts.join(''), truncated: true };
    }
    read += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), truncated: false };
}
