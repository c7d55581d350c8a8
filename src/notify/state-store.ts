/**
 * The state file (default `.noticeboard/notify-state.json`): per channel, the
 * instant before which nothing is sent (its baseline) and the events already
 * delivered. Written atomically (a temporary file, fsync, rename) after every
 * delivery, so a run killed at any point leaves either the old or the new
 * file, never a torn one, and loses at most the delivery in flight.
 *
 * Two runs never send at once: a run holds `<state>.lock` (created with
 * O_EXCL) for its whole length, and each write is a compare-and-swap on the
 * file's `revision`, so a writer that slipped past the lock (a lock deleted
 * by hand, a second machine sharing the folder) stops instead of sending.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';

export const STATE_FORMAT = 'noticeboard-notify-state/1';

/** Delivered events are forgotten after this long; the baseline moves up to match, so they are never resent. */
export const KEEP_DAYS = 45;

interface ChannelState {
  /** ISO instant: events that happened before it are never sent to this channel. */
  since: string;
  /** Event id -> the ISO instant the event happened. */
  sent: Record<string, string>;
}

export interface StateDocument {
  format: typeof STATE_FORMAT;
  /** Incremented by every write: the compare-and-swap token. */
  revision: number;
  channels: Record<string, ChannelState>;
}

/** The run cannot go on safely: the state is not ours, or not readable. The message says what to do. */
export class StateError extends Error {}

/** Another run holds the lock; exit code 3. */
export class LockedError extends StateError {}

export function emptyState(): StateDocument {
  return { format: STATE_FORMAT, revision: 0, channels: {} };
}

/** The state file's document, or undefined when there is none yet. */
export function readState(path: string): StateDocument | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateError(`cannot read the notify state file ${path}: ${(error as Error).message}`);
  }
  let data: StateDocument;
  try {
    data = JSON.parse(text) as StateDocument;
  } catch {
    throw new StateError(`${path} is not valid JSON; restore it from the state branch, or delete it to start a new baseline (nothing from the past is sent then)`);
  }
  if (data?.format !== STATE_FORMAT || typeof data.revision !== 'number' || typeof data.channels !== 'object') {
    throw new StateError(`${path} is not a notify state file (expected "format": "${STATE_FORMAT}")`);
  }
  return data;
}

/** `document` as `path`, atomically: the old file stays complete until the new one replaces it whole. */
function writeAtomically(path: string, document: StateDocument): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, `${JSON.stringify(document, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** The state of one run: holds the lock from `open` to `close`. */
export class StateStore {
  private constructor(
    private readonly path: string,
    private document: StateDocument,
  ) {}

  static open(path: string): StateStore {
    acquireLock(`${path}.lock`);
    try {
      return new StateStore(path, readState(path) ?? emptyState());
    } catch (error) {
      releaseLock(`${path}.lock`);
      throw error;
    }
  }

  get state(): StateDocument {
    return this.document;
  }

  hasChannel(name: string): boolean {
    return name in this.document.channels;
  }

  /** Starts a channel's record: events before `since` are never sent to it. */
  baseline(name: string, since: Date): void {
    this.commit((document) => {
      document.channels[name] = { since: since.toISOString(), sent: {} };
    });
  }

  /** The channel's baseline: events before it are never sent to it. */
  since(name: string): Date {
    return new Date(this.document.channels[name]!.since);
  }

  /** Whether the channel wants the event: not before its baseline and not sent yet. */
  isDue(name: string, eventId: string, at: Date): boolean {
    const channel = this.document.channels[name]!;
    return at.getTime() >= Date.parse(channel.since) && !(eventId in channel.sent);
  }

  markSent(name: string, eventId: string, at: Date): void {
    this.commit((document) => {
      document.channels[name]!.sent[eventId] = at.toISOString();
    });
  }

  /** Forgets deliveries older than KEEP_DAYS before `now`, raising each baseline to match. */
  prune(now: Date): void {
    const cutoff = now.getTime() - KEEP_DAYS * 86_400_000;
    const stale = Object.values(this.document.channels).some(
      (channel) => Date.parse(channel.since) < cutoff && Object.values(channel.sent).some((at) => Date.parse(at) < cutoff),
    );
    if (!stale) return;
    this.commit((document) => {
      for (const channel of Object.values(document.channels)) {
        if (Date.parse(channel.since) >= cutoff) continue;
        channel.since = new Date(cutoff).toISOString();
        for (const [id, at] of Object.entries(channel.sent)) if (Date.parse(at) < cutoff) delete channel.sent[id];
      }
    });
  }

  close(): void {
    releaseLock(`${this.path}.lock`);
  }

  /** Applies `change` and writes, unless someone else wrote since we last did (compare-and-swap on `revision`). */
  private commit(change: (document: StateDocument) => void): void {
    const onDisk = readState(this.path);
    if ((onDisk?.revision ?? 0) !== this.document.revision) {
      throw new StateError(
        `${this.path} was changed by someone else during this run (revision ${onDisk?.revision ?? 'none'}, expected ${this.document.revision}); stopping so that nothing is sent twice`,
      );
    }
    const next = structuredClone(this.document);
    change(next);
    next.revision = this.document.revision + 1;
    writeAtomically(this.path, next);
    this.document = next;
  }
}

interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

function acquireLock(lockPath: string, retried = false): void {
  mkdirSync(dirname(lockPath), { recursive: true });
  try {
    const fd = openSync(lockPath, 'wx');
    const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    writeSync(fd, `${JSON.stringify(owner)}\n`);
    closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StateError(`cannot create ${lockPath}: ${(error as Error).message}`);
    const owner = readOwner(lockPath);
    // A lock left by a run that died on this machine (SIGKILL, power loss) is taken over.
    if (!retried && owner && owner.host === hostname() && !isAlive(owner.pid)) {
      rmSync(lockPath, { force: true });
      acquireLock(lockPath, true);
      return;
    }
    const who = owner ? `pid ${owner.pid} on ${owner.host}, since ${owner.started}` : 'unknown owner';
    throw new LockedError(`another notify run holds ${lockPath} (${who}); nothing was sent. If no run is active, delete that file.`);
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(lockPath: string): void {
  const owner = readOwner(lockPath);
  if (owner?.pid === process.pid && owner.host === hostname()) rmSync(lockPath, { force: true });
}
