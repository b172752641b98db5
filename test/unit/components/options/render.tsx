import { render } from '../../../helpers/dom-testing';
import type { ComponentChildren } from 'preact';
import { vi } from 'vitest';
import type { Input, MessageType, Output } from '../../../../lib/messaging';
import { defaultServices, ServicesContext, type OptionsServices } from '../../../../components/options/services';

export type SendMock = ReturnType<typeof vi.fn<(type: MessageType, data: Input<MessageType>) => Promise<Output<MessageType>>>>;

/** Renders an options component with the outside world replaced: no background, no downloads. */
export function renderWithServices(ui: ComponentChildren, overrides: Partial<OptionsServices> = {}) {
  const send: SendMock = vi.fn(async (type: MessageType) => {
    if (type === 'syncNow') return { added: 0, state: 'ok' as const };
    throw new Error(`unexpected message ${type}`);
  });
  const services: OptionsServices = {
    ...defaultServices,
    send: send as unknown as OptionsServices['send'],
    now: () => Date.UTC(2026, 7, 14, 9, 30),
    download: vi.fn(),
    estimateStorage: async () => ({ usage: 3_456_789, quota: 10_000_000_000 }),
    previewDebounceMs: 0,
    ...overrides,
  };
  const result = render(<ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>);
  return { ...result, send, services };
}
