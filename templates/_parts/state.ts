/**
 * State badges: the state in words with a text icon whose shape differs by
 * tone, so colour is never the only cue.
 */
import { html, type SafeHtml } from '../../src/html.ts';
import { stateIcon, stateLabel, stateTone, type StateName } from '../../src/views.ts';

export function stateBadge(state: StateName, label = stateLabel(state)): SafeHtml {
  return html`<span class="badge tone-${stateTone(state)}"><span class="icon" aria-hidden="true">${stateIcon(state)}</span> ${label}</span>`;
}
