// Eleventy ships JSDoc, not declarations: the programmatic API as noticeboard uses it.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(
      input: string,
      output: string,
      options?: {
        /** A configuration file, or false for none (no lookup in the working directory). */
        configPath?: string | false;
        quietMode?: boolean;
        runMode?: 'build' | 'watch' | 'serve';
        source?: string;
        pathPrefix?: string;
        config?: (config: import('./eleventy-config.ts').EleventyConfig) => void | Promise<void>;
      },
    );
    write(): Promise<unknown>;
    init(): Promise<void>;
    /** Starts watching; resolves to the function that rebuilds after a change to `path`. */
    watch(): Promise<(path: string) => Promise<void>>;
    /** The file watcher, once `watch()` has started it. */
    watcher?: { on(event: 'unlink', listener: (path: string) => void): void };
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    readonly logger: { overrideLogger(logger: Pick<Console, 'log' | 'warn' | 'error' | 'info'> | false): void; isChalkEnabled: boolean };
  }
  /** Rewrites root-relative URLs in HTML output under Eleventy's `pathPrefix` (see path-prefix.ts). */
  export const HtmlBasePlugin: (config: any, options?: { baseHref?: string }) => void;
}
