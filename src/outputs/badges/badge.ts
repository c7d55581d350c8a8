/**
 * Flat SVG badges, shields-style: a grey label on the left, the state on the
 * right in words and in its colour. Self-contained (no fonts, images or styles
 * from anywhere), with a `<title>` and `role="img"` so screen readers say it.
 */
import { escapeHtml } from '../../pages/html.ts';
import type { ServiceState } from '../../model/state.ts';
import { textWidth } from './text-width.ts';

/** The site's light-theme tone colours (public/style.css); white text on each passes WCAG AA. */
const STATE_COLOURS: Record<ServiceState, string> = {
  operational: '#116329',
  'under-maintenance': '#0550ae',
  'degraded-performance': '#7d4e00',
  'partial-outage': '#953800',
  'major-outage': '#a40e26',
};
const LABEL_COLOUR = '#555';
const PADDING = 6;
const HEIGHT = 20;

export interface BadgeText {
  /** Left part, e.g. "status" or a service's name. */
  label: string;
  /** Right part: the state in words. */
  message: string;
  state: ServiceState;
  /** What screen readers say, e.g. "Webmail: Partial outage". */
  title: string;
}

export function renderBadge({ label, message, state, title }: BadgeText): string {
  const labelText = textWidth(label);
  const messageText = textWidth(message);
  const left = Math.ceil(labelText + 2 * PADDING);
  const right = Math.ceil(messageText + 2 * PADDING);
  const width = left + right;
  const esc = escapeHtml;
  // Drawn at ten times the size and scaled down, so text positions stay whole numbers.
  const text = (content: string, x: number, length: number) =>
    `<text x="${x * 10}" y="140" transform="scale(.1)" textLength="${Math.round(length * 10)}" lengthAdjust="spacingAndGlyphs">${esc(content)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${esc(title)}">
<title>${esc(title)}</title>
<g shape-rendering="crispEdges">
<rect width="${left}" height="${HEIGHT}" fill="${LABEL_COLOUR}"/>
<rect x="${left}" width="${right}" height="${HEIGHT}" fill="${STATE_COLOURS[state]}"/>
</g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,'DejaVu Sans',sans-serif" font-size="110">
${text(label, left / 2, labelText)}
${text(message, left + right / 2, messageText)}
</g>
</svg>
`;
}
