/**
 * Label matchers as Prometheus and Alertmanager write them: `name="value"`,
 * `name!="value"`, `name=~"regex"`, `name!~"regex"` (regexes anchored at both
 * ends, as there). The value may be left unquoted when it has no spaces.
 */
export interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
  /** Compiled for `=~` and `!~`. */
  regex?: RegExp;
  /** As written, for messages. */
  text: string;
}

const MATCHER = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|([^"\s]*))\s*$/;

/** The matcher, or a message saying what is wrong with it. */
export function parseMatcher(text: string): Matcher | string {
  const match = MATCHER.exec(text);
  if (!match) return `"${text}" is not a label matcher; write e.g. job="imap", severity!="info" or instance=~"mail-.*"`;
  const [, name, op, quoted, bare] = match;
  const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (bare ?? '');
  const matcher: Matcher = { name: name!, op: op as Matcher['op'], value, text: text.trim() };
  if (op === '=~' || op === '!~') {
    try {
      matcher.regex = new RegExp(`^(?:${value})$`);
    } catch (error) {
      return `"${text}": the regular expression is not valid (${(error as Error).message})`;
    }
  }
  return matcher;
}

/** Whether one matcher holds for the labels; a missing label is the empty string, as in Alertmanager. */
export function matches(matcher: Matcher, labels: Record<string, string>): boolean {
  const value = labels[matcher.name] ?? '';
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return matcher.regex!.test(value);
    case '!~':
      return !matcher.regex!.test(value);
  }
}
