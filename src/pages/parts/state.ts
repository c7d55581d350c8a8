/**
 * State badges: the state in words with a text icon whose shape differs by
 * tone, so colour is never the only cue.
 *
 * Badges whose state changes by the clock carry the instants it changes at,
 * so the page script (public/time.js) can move them on the reader's clock:
 * a maintenance badge its window, a service badge the windows of its pending
 * maintenance and the state it has without them.
 */
import { html, type SafeHtml } from '../html.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { NoticeView, ServiceView } from '../../model/model.ts';
import { isPendingMaintenance } from '../../model/state.ts';
import { stateIcon, stateLabel, stateTone, type StateName } from '../../model/views.ts';

export function stateBadge(state: StateName, locale: Locale, data: SafeHtml | '' = ''): SafeHtml {
  return html`<span class="badge tone-${stateTone(state)}"${data}><span class="icon" aria-hidden="true">${stateIcon(state)}</span> ${stateLabel(state, locale)}</span>`;
}

/** A notice's state; a maintenance that has not ended yet carries its window. */
export function noticeStateBadge(notice: NoticeView, locale: Locale): SafeHtml | '' {
  if (!notice.state) return '';
  return stateBadge(
    notice.state,
    locale,
    isPendingMaintenance(notice, notice.state)
      ? html` data-state="${notice.state}" data-window-start="${notice.window!.start.toISOString()}" data-window-end="${notice.window!.end!.toISOString()}"`
      : '',
  );
}

/**
 * A service's state now; with its pending maintenance windows when it has any.
 */
export function serviceStateBadge(service: ServiceView, locale: Locale): SafeHtml {
  const windows = service.pendingMaintenance;
  const data = windows.length
    ? html` data-state="${service.state}" data-base="${service.stateWithoutMaintenance}" data-maint="${windows
        .map(({ start, end }) => `${start.toISOString()}/${end.toISOString()}`)
        .join(' ')}"`
    : html` data-state="${service.state}"`;
  return stateBadge(service.state, locale, data);
}
