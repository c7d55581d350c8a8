/**
 * The part of Eleventy's configuration API that noticeboard uses. Eleventy ships
 * JSDoc rather than declarations, so the plugins type against this instead.
 */
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void | Promise<void>, options?: O): void | Promise<void>;
  addPlugin(plugin: (config: EleventyConfig) => void | Promise<void>): void | Promise<void>;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: object): void;
  addWatchTarget(path: string, options?: { resetConfig?: boolean }): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addExtension(extension: string | string[], options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  on(event: string, listener: (...args: any[]) => unknown): void;
  events: { emit(event: string, ...args: unknown[]): unknown };
  setServerOptions(options: { middleware?: unknown[]; logger?: unknown }): void;
  /** Options for the preview's file watcher (chokidar's), merged over Eleventy's. */
  setChokidarConfig(options: { awaitWriteFinish?: { stabilityThreshold: number; pollInterval: number } }): void;
}
