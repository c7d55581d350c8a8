/**
 * An event as a Microsoft Teams message for a workflow webhook ("Post to a
 * channel when a webhook request is received"): one Adaptive Card.
 *
 * Card TextBlocks read a Markdown subset, so notice text goes only into
 * RichTextBlock TextRuns, which show their text as it is; JSON.stringify does
 * the JSON escaping. `<at>` mentions need an entity list the card never
 * carries, so no text can mention anyone.
 */
import type { NotifyMessage } from './message.ts';

const run = (text: string, style: Record<string, unknown> = {}) => ({ type: 'TextRun', text, ...style });
const block = (...inlines: object[]) => ({ type: 'RichTextBlock', inlines });

export function formatTeams(message: NotifyMessage): object {
  const paragraphs = message.text.split(/\n{2,}/).filter((paragraph) => paragraph.trim());
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      block(run(message.label, { weight: 'Bolder', color: 'Accent' })),
      block(run(message.title, { weight: 'Bolder', size: 'Large' })),
      ...message.facts.map((fact) => block(run(`${fact.name}: `, { weight: 'Bolder' }), run(fact.value))),
      ...paragraphs.map((paragraph) => block(run(paragraph))),
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'See the notice on the status page', url: message.url }],
  };
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}
