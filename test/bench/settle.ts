import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (s) used so far by every process of the Chromium whose profile is `userDataDir` (Linux's /proc). */
function cpuSeconds(userDataDir: string): number {
  let ticks = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0; // no /proc: not Linux
  }
  for (const pid of pids) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${userDataDir}`)) continue;
      // After the command's name in parentheses: utime and stime are fields 14 and 15.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * Waits until the browser has done the work that writes leave behind (IndexedDB compacts what was
 * written and deleted in the browser's own process after the writes: 3-5 s after the benchmark's,
 * some 40 s after several databases of 50,000 rows were deleted one after the other): until its
 * processes use less than `idleShare` of a core for `quietSeconds` in a row. Returns the seconds
 * waited; throws if they never do within `maxSeconds`, or where /proc cannot tell (not Linux).
 */
export async function settle(userDataDir: string, { idleShare = 0.1, quietSeconds = 3, maxSeconds = 120 } = {}, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<number> {
  let before = cpuSeconds(userDataDir);
  if (before === 0) throw new Error('cannot tell how busy the browser is (no /proc, or no process of its profile)');
  let quiet = 0;
  for (let waited = 1; waited <= maxSeconds; waited++) {
    await sleep(1000);
    const now = cpuSeconds(userDataDir);
    quiet = now - before < idleShare ? quiet + 1 : 0;
    before = now;
    if (quiet >= quietSeconds) return waited;
  }
  throw new Error(`the browser was still busy ${maxSeconds} s after the writes`);
}
