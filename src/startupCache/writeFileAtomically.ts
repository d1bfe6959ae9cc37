// Replaces a file in one step, so a process reading it while another writes it sees the old file or the new one,
// never half of one (two copies of the bot starting together both write their caches).
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Ends in .tmp so a cache folder can recognise and clear leftovers from a process that died mid-write. */
export const TEMPORARY_SUFFIX = '.tmp';

/** Throws when the folder cannot be written (a read-only install); callers that only cache should catch it. */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  // Same folder as the target: a rename is only atomic within one file system.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the original error is the one worth reporting.
    }
    throw error;
  }
}
