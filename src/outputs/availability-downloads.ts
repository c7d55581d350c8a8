/**
 * `/availability.csv` and `/availability.json`, and the same per service
 * (`/services/<id>/availability.csv`, `.json`): the model's availability
 * report as rows a spreadsheet or a billing script reads. Columns are
 * documented in docs/history-and-availability.md; the bytes depend only on
 * the report, so two builds at the same "now" write the same files.
 */
import type { PeriodFigures, ServiceReport } from '../model/availability-report.ts';
import type { SiteModel } from '../model/model.ts';
import { AVAILABILITY_OUTPUTS, outputPath } from './registry.ts';

export const CSV_COLUMNS = [
  'service',
  'service_name',
  'period',
  'kind',
  'start',
  'end',
  'to_date',
  'minutes',
  'downtime_minutes',
  'availability_percent',
  'sla_percent',
  'below_sla',
] as const;

interface Row {
  service: string;
  service_name: string;
  period: string;
  kind: PeriodFigures['kind'];
  start: string;
  end: string;
  to_date: boolean;
  minutes: number;
  downtime_minutes: number;
  availability_percent: number;
  sla_percent: number | null;
  below_sla: boolean | null;
}

/** Weighted downtime to the thousandth of a minute, so sums of weights stay exact in text. */
const thousandths = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Availability in percent with four decimals, rounded down (as the pages
 * round it): 99.76478, never a rounded-up 100 while there was downtime.
 */
export function availabilityPercent(period: Pick<PeriodFigures, 'ratio' | 'downtime'>): number {
  if (period.downtime <= 0) return 100;
  return Math.min(Math.floor(period.ratio * 1_000_000 + 1e-7) / 10_000, 99.9999);
}

/**
 * A report's rows, made once per report: the site-wide files and the
 * service's own (CSV and JSON each) all list them.
 */
function rowsOf(site: SiteModel, report: ServiceReport): Row[] {
  let rows = rowsByReport.get(report);
  if (!rows) rowsByReport.set(report, (rows = makeRows(site, report)));
  return rows;
}

/** Reports belong to one model (one build, one "now"), so a report is a safe key. */
const rowsByReport = new WeakMap<ServiceReport, Row[]>();
const csvByReport = new WeakMap<ServiceReport, string>();

function makeRows(site: SiteModel, report: ServiceReport): Row[] {
  const service = site.serviceById.get(report.serviceId)!;
  // Years, then quarters, then months, each oldest first: a reader filtering on `kind` gets a tidy list.
  return [...report.years, ...report.quarters, ...report.months].map((period) => ({
    service: service.id,
    service_name: service.name,
    period: period.key,
    kind: period.kind,
    start: period.start.toISOString(),
    end: period.end.toISOString(),
    to_date: period.toDate,
    minutes: thousandths(period.minutes),
    downtime_minutes: thousandths(period.downtime),
    availability_percent: availabilityPercent(period),
    sla_percent: report.target ?? null,
    below_sla: report.target === undefined ? null : period.belowTarget,
  }));
}

/** RFC 4180: a field is quoted when it holds a comma, quote or line break; quotes are doubled. */
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every service's report, or one service's (by id). */
function reports(site: SiteModel, serviceId?: string): ServiceReport[] {
  return serviceId ? [site.availability.byService.get(serviceId)!] : site.availability.services;
}

/** A report's CSV lines, each ending with CRLF: once per report, like its rows. */
function csvLines(site: SiteModel, report: ServiceReport): string {
  let text = csvByReport.get(report);
  if (text === undefined) {
    text = rowsOf(site, report)
      .map((row) => `${CSV_COLUMNS.map((column) => csvField(row[column])).join(',')}\r\n`)
      .join('');
    csvByReport.set(report, text);
  }
  return text;
}

export function availabilityCsv(site: SiteModel, serviceId?: string): string {
  return `${CSV_COLUMNS.join(',')}\r\n${reports(site, serviceId)
    .map((report) => csvLines(site, report))
    .join('')}`;
}

export function availabilityJson(site: SiteModel, serviceId?: string): string {
  const body = {
    timezone: site.config.timezone,
    as_of: site.now.toISOString(),
    services: reports(site, serviceId).map((report) => {
      const service = site.serviceById.get(report.serviceId)!;
      return {
        id: service.id,
        name: service.name,
        sla_percent: report.target ?? null,
        periods: rowsOf(site, report).map(({ service: _id, service_name: _name, sla_percent: _sla, ...row }) => row),
      };
    }),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** The download paths: site-wide under `/`, a service's under its URL. */
export function availabilityDownloads(base: string): { format: 'csv' | 'json'; href: string }[] {
  // The format is the file's extension: what the download links name ("CSV", "JSON").
  return AVAILABILITY_OUTPUTS.map((output) => ({ format: output.file.split('.').pop() as 'csv' | 'json', href: outputPath(output, base) }));
}
