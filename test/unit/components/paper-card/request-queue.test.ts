import { describe, expect, it } from 'vitest';
import { createTaskQueue } from '../../../../components/paper-card/request-queue';
import { fakeVisibility } from '../card-extras-harness';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('createTaskQueue', () => {
  it('runs tasks one at a time, in the order they were added', async () => {
    const page = fakeVisibility();
    const queue = createTaskQueue(page.visibility);
    const log: string[] = [];
    const first = gate();
    const a = queue.run(async () => {
      log.push('a starts');
      await first.opened;
      log.push('a ends');
      return 'a';
    }, new AbortController().signal);
    const b = queue.run(async () => {
      log.push('b starts');
      return 'b';
    }, new AbortController().signal);
    await tick();
    expect(log).toEqual(['a starts']);
    first.open();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts']);
  });

  it('drops a task whose signal aborts before its turn, and goes on after a task that fails', async () => {
    const queue = createTaskQueue(fakeVisibility().visibility);
    const ran: string[] = [];
    const first = gate();
    const failing = queue.run(async () => {
      await first.opened;
      throw new Error('arXiv answered HTTP 503.');
    }, new AbortController().signal);
    const leave = new AbortController();
    const dropped = queue.run(async () => ran.push('dropped'), leave.signal);
    const last = queue.run(async () => ran.push('last'), new AbortController().signal);
    leave.abort();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    first.open();
    await expect(failing).rejects.toThrow('503');
    await last;
    expect(ran).toEqual(['last']);
  });

  it('starts nothing while the page is hidden and waits for idle time before each task', async () => {
    const page = fakeVisibility(true);
    const log: string[] = [];
    const queue = createTaskQueue(page.visibility, async () => {
      log.push('idle');
    });
    const done = queue.run(async () => log.push('task'), new AbortController().signal);
    await tick();
    expect(log).toEqual([]);
    page.set(false);
    await done;
    expect(log).toEqual(['idle', 'task']);
  });
});
