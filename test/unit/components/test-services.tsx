import type { ComponentChildren } from 'preact';
import { vi } from 'vitest';
import { ServicesContext, type Services } from '../../../components/common/services';
import { ToastProvider } from '../../../components/common/toast';
import type { Input, MessageType, Output } from '../../../lib/messaging/protocol';
import { createLocalSearch } from '../../../lib/search/local-search';
import { storedPapers } from '../../../lib/search/paper-source';

export const NOW = Date.UTC(2026, 10, 23, 12);

type Handlers = { [K in MessageType]?: (data: Input<K>) => Promise<Output<K>> };

/** Services for tests: messages answered by `handlers` (and recorded), time fixed, nothing opened for real. */
export function testServices(handlers: Handlers = {}, overrides: Partial<Services> = {}) {
  const sent: { type: MessageType; data: unknown }[] = [];
  const storage = new Map<string, string>();
  const services: Services = {
    send: (async (type: MessageType, data: unknown) => {
      sent.push({ type, data });
      const handler = handlers[type] as ((data: unknown) => Promise<unknown>) | undefined;
      if (handler) return handler(data);
      if (type === 'markSeen') return { previousSeenAt: 0 };
      if (type === 'lastSeen') return { seenAt: 0 };
      throw new Error(`no handler for ${type}`);
    }) as Services['send'],
    now: () => NOW,
    copyText: vi.fn(async () => undefined),
    open: vi.fn(),
    openOptions: vi.fn(),
    openDigest: vi.fn(),
    openLibrary: vi.fn(),
    openChangedSaves: vi.fn(),
    keyResult: () => null,
    search: (() => {
      let client: ReturnType<typeof createLocalSearch> | undefined;
      return () => (client ??= createLocalSearch(storedPapers));
    })(),
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    ...overrides,
  };
  return { services, sent };
}

export function WithServices({ services, children }: { services: Services; children: ComponentChildren }) {
  return (
    <ServicesContext.Provider value={services}>
      <ToastProvider>{children}</ToastProvider>
    </ServicesContext.Provider>
  );
}
