/**
 * What deploy/nginx.conf answers for a path, read from the file itself rather
 * than from a running nginx: the Content-Type (a regex `location` with its own
 * `default_type`, else the extension's type from the file's `types` block or
 * Debian's mime.types), whether the type gets `charset=utf-8`, and the CORS
 * map's value. tests/output-registry.test.ts checks every output of the
 * registry against it; tests/serve.test.ts checks the real nginx.
 */

export interface NginxRules {
  /** Regex locations in file order: the first that matches a path decides. */
  locations: { pattern: RegExp; defaultType?: string; notFound: boolean }[];
  /** Extension -> type: the file's own `types` block over Debian's list. */
  types: Map<string, string>;
  defaultType: string;
  charsetTypes: Set<string>;
  /** The `$noticeboard_cors` map: regex entries in order, then the default. */
  cors: { pattern: RegExp; value: string }[];
  corsDefault: string;
}

/** nginx's `type ext ext;` lines inside a `types { }` body. */
function typeLines(body: string, into: Map<string, string>): void {
  for (const line of body.split(';')) {
    const [type, ...extensions] = line.trim().split(/\s+/);
    if (type) for (const extension of extensions) into.set(extension, type);
  }
}

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1');
}

/** `conf` is deploy/nginx.conf, `mimeTypes` the text of /etc/nginx/mime.types it includes. */
export function parseNginxRules(conf: string, mimeTypes: string): NginxRules {
  const text = conf.replace(/#[^\n]*/g, '');
  const locations: NginxRules['locations'] = [];
  for (const match of text.matchAll(/location\s+~\s+(\S+)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g)) {
    const body = match[2]!;
    locations.push({
      pattern: new RegExp(match[1]!),
      defaultType: /default_type\s+([^;\s]+);/.exec(body)?.[1],
      notFound: /return\s+404;/.test(body),
    });
  }
  const server = text.replace(/location\s+[^{]*\{((?:[^{}]|\{[^{}]*\})*)\}/g, '');
  const types = new Map<string, string>();
  if (/include\s+\/etc\/nginx\/mime\.types;/.test(server)) typeLines(/types\s*\{([^}]*)\}/.exec(mimeTypes)?.[1] ?? '', types);
  for (const block of server.matchAll(/types\s*\{([^}]*)\}/g)) typeLines(block[1]!, types);
  const defaultType = /default_type\s+([^;\s]+);/.exec(server)?.[1] ?? 'text/plain';
  const charsetTypes = new Set(['text/html', ...(/charset_types\s+([^;]+);/.exec(server)?.[1] ?? '').trim().split(/\s+/)]);
  const corsMap = /map\s+\$uri\s+\$noticeboard_cors\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
  const cors: NginxRules['cors'] = [];
  let corsDefault = '';
  for (const line of corsMap.split(';')) {
    const entry = /^\s*(\S+)\s+(\S+)\s*$/.exec(line);
    if (!entry) continue;
    const [key, value] = [unquote(entry[1]!), unquote(entry[2]!)];
    if (key === 'default') corsDefault = value;
    else if (key.startsWith('~')) cors.push({ pattern: new RegExp(key.slice(1)), value });
  }
  return { locations, types, defaultType, charsetTypes, cors, corsDefault };
}

/** What nginx sends for `path`: undefined when a location answers 404. */
export function nginxAnswer(rules: NginxRules, path: string): { type: string; charset: boolean; cors: string } | undefined {
  const location = rules.locations.find((candidate) => candidate.pattern.test(path));
  if (location?.notFound) return undefined;
  const extension = /\.([^./]+)$/.exec(path)?.[1] ?? '';
  const type = location?.defaultType ?? rules.types.get(extension) ?? rules.defaultType;
  const cors = rules.cors.find((entry) => entry.pattern.test(path))?.value ?? rules.corsDefault;
  return { type, charset: rules.charsetTypes.has(type), cors };
}
