/** What the floor program (floor.js) reports, as JSON in its result file. */
export interface FloorResult {
  /** Node start to these modules loaded. */
  startupMs: number;
  /** Reading every notice file and parsing its front matter. */
  readMs: number;
  renderMs: number;
  writeMs: number;
  totalMs: number;
  notices: number;
  files: number;
  bytes: number;
  maxRssKb: number;
}

/** One file the build wrote: path relative to its output folder ('/'-separated) and size in bytes. */
export type ManifestEntry = [path: string, bytes: number];
