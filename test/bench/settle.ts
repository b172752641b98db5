import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time (s) used so far by every process of the Chromium whose profile is `userDataDir` (Linux's /proc). */
function cpuSeconds(userDataDir: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
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
 * Waits until the browser has done the work that writes leave behind (IndexedDB's compaction of
 * what was written and deleted runs in the browser for tens of seconds after the writes): until
 * its processes use less than `idleShare` of a core for `quietSeconds` in a row, at most
 * `maxSeconds`. Returns the seconds waited. Where /proc cannot tell, returns at once.
 */
export async function settle(userDataDir: string, { idleShare = 0.1, quietSeconds = 3, maxSeconds = 120 } = {}, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<number> {
  let before = cpuSeconds(userDataDir);
  if (before === 0) return 0;
  let quiet = 0;
  for (let waited = 1; waited <= maxSeconds; waited++) {
    await sleep(1000);
    const now = cpuSeconds(userDataDir);
    quiet = now - before < idleShare ? quiet + 1 : 0;
    before = now;
    if (quiet >= quietSeconds) return waited;
  }
  return maxSeconds;
}
