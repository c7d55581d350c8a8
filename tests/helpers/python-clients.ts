/**
 * Debian's Python readers, as third-party clients see our outputs:
 * python3-feedparser (what most feed readers and bots written in Python use)
 * and python3-icalendar. Each runs in /usr/bin/python3 and answers in JSON.
 * When a package is missing this throws saying what to install, so the test
 * FAILS rather than skips.
 */
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';
const HINT = 'run `npm run test:setup`, or `apt-get install -y python3-feedparser python3-icalendar`';

function runPython(module: string, script: string, input: string): unknown {
  const probe = spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(`${PYTHON} cannot import ${module}: ${HINT}`);
  const run = spawnSync(PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`python ${module} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

export interface FeedparserResult {
  bozo: boolean;
  bozo_exception: string | null;
  feed: { title?: string; language?: string };
  entries: { id?: string; title?: string; title_type?: string; summary?: string; summary_type?: string }[];
}

/** A feed document as feedparser reads it. */
export function feedparserRead(xml: string): FeedparserResult {
  const script = `
import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read())
def detail(entry, key):
    value = entry.get(key + '_detail')
    return value.get('type') if value else None
print(json.dumps({
    'bozo': bool(d.bozo),
    'bozo_exception': str(d.get('bozo_exception')) if d.bozo else None,
    'feed': {'title': d.feed.get('title'), 'language': d.feed.get('language')},
    'entries': [{'id': e.get('id'), 'title': e.get('title'), 'title_type': detail(e, 'title'),
                 'summary': e.get('summary'), 'summary_type': detail(e, 'summary')} for e in d.entries],
}))
`;
  return runPython('feedparser', script, xml) as FeedparserResult;
}

export interface IcalendarResult {
  name: string;
  components: string[];
  /** Properties the parser could not read, per component. */
  errors: [string, unknown][];
  events: { uid: string; transp: string | null; status: string | null }[];
  /** The UTC offset in seconds, at `probe`, of each VTIMEZONE, by TZID. */
  offsets: Record<string, number>;
}

/** A calendar as python icalendar reads it; `probe` is an ISO local time to evaluate each zone at. */
export function icalendarRead(ics: string, probe = '2008-10-02T12:00:00'): IcalendarResult {
  const script = `
import icalendar, json, sys, datetime
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
probe = datetime.datetime.fromisoformat(${JSON.stringify(probe)})
print(json.dumps({
    'name': cal.name,
    'components': [c.name for c in cal.subcomponents],
    'errors': [[c.name, c.errors] for c in cal.walk() if c.errors],
    'events': [{'uid': str(e.get('UID')), 'transp': str(e['TRANSP']) if 'TRANSP' in e else None,
                'status': str(e['STATUS']) if 'STATUS' in e else None} for e in cal.walk('VEVENT')],
    'offsets': {str(z['TZID']): z.to_tz().utcoffset(probe).total_seconds() for z in cal.walk('VTIMEZONE')},
}))
`;
  return runPython('icalendar', script, ics) as IcalendarResult;
}
