/** One parser per payload format, by the name `ingest FORMAT` takes. */
import type { Format, Parsed } from '../alert.ts';
import { parseAlertmanager } from './alertmanager.ts';
import { parseGatus } from './gatus.ts';
import { parseGrafana } from './grafana.ts';
import { parseUptimeKuma } from './uptime-kuma.ts';

export const PARSERS: Record<Format, (payload: unknown) => Parsed> = {
  alertmanager: parseAlertmanager,
  grafana: parseGrafana,
  'uptime-kuma': parseUptimeKuma,
  gatus: parseGatus,
};
