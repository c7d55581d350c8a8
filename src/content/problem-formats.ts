/**
 * The ways `npm run check` can print problems: for people, for GitHub Actions
 * (annotations on the pull request's lines), and as JSON for other tools.
 */
import { formatProblem, type Problem } from './problems.ts';

export const PROBLEM_FORMATS = ['human', 'github', 'json'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/** GitHub's workflow-command escaping for data and for property values. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderProblems(problems: readonly Problem[], format: ProblemFormat): string {
  switch (format) {
    case 'human':
      return problems.map(formatProblem).join('\n');
    case 'github':
      return problems
        .map((p) => `::error file=${escapeProperty(p.file)},line=${p.line}::${escapeData(p.message)}`)
        .join('\n');
    case 'json':
      return JSON.stringify({ problems }, null, 2);
  }
}
