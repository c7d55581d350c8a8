/**
 * The wording templates of `ingest:` (title, body, resolved_body): text with
 * `{{ ... }}` slots filled from the alert. A slot names `labels.<name>` or
 * `annotations.<name>`, or several separated by `|`: the first that the alert
 * has (not empty) fills it; a quoted `"text"` alternative is used as it is.
 *
 *   "{{ annotations.summary | labels.alertname }} on {{ labels.instance | \"the network\" }}"
 */
import type { Alert } from './alert.ts';

const SLOT = /\{\{([^}]*)\}\}/g;
const ALTERNATIVE = /^\s*(?:(labels|annotations)\.([A-Za-z_][A-Za-z0-9_]*)|"([^"]*)")\s*$/;

/** A message for each slot that is not valid, empty when the template is fine. */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  for (const [slot, inner] of template.matchAll(SLOT)) {
    for (const alternative of inner!.split('|')) {
      if (!ALTERNATIVE.test(alternative)) {
        problems.push(`${slot}: "${alternative.trim()}" is not labels.<name>, annotations.<name> or "text"`);
      }
    }
  }
  return problems;
}

export function fillTemplate(template: string, alert: Pick<Alert, 'labels' | 'annotations'>): string {
  return template.replace(SLOT, (_slot, inner: string) => {
    for (const alternative of inner.split('|')) {
      const match = ALTERNATIVE.exec(alternative);
      if (!match) continue;
      const [, root, name, literal] = match;
      const value = literal ?? (root === 'labels' ? alert.labels : alert.annotations)[name!];
      if (value?.trim()) return value.trim();
    }
    return '';
  });
}
