/**
 * `branding`, `navigation` and `footer` in site.config.yaml: the site's logo,
 * favicon and accent colour, its extra navigation links, and its footer
 * (docs/customising.md). Each key is validated with its line like the rest of
 * the config; the accent must also stay readable as link text in its scheme.
 */
import * as z from '../content/zod.ts';
import { validateFields } from '../content/fields.ts';
import { changedKeysOf } from '../content/changed-keys.ts';
import type { Problem } from '../content/problems.ts';
import { lineOf, type KeyPath, type YamlSource } from '../content/yaml-source.ts';
import { accentProblem, brandStylesheet, darkAccentFor, type BrandStylesheet } from './stylesheet.ts';
import { FAVICON_EXTENSIONS, LOGO_EXTENSIONS, linkFields, REQUIRED_LINK_KEYS, siteImageField, type Link } from './links.ts';
import { normalHex } from './contrast.ts';

/** Keys of these sections that changed between versions (src/content/changed-keys.ts). */
const CONFIG_CHANGES = changedKeysOf('config');

const hexColour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a colour: write a CSS hex colour, #rrggbb or #rgb, in quotes, e.g. "#0a5d8f"`,
});

export const brandingFields = {
  /** Shown in the header instead of the site's title (which becomes its alt text). */
  logo: siteImageField(LOGO_EXTENSIONS, '/logo.svg'),
  favicon: siteImageField(FAVICON_EXTENSIONS, '/favicon.png'),
  /** Links, focus rings and the header's rule, light scheme (and dark too unless `accent_dark` is given). */
  accent: hexColour,
  accent_dark: hexColour,
};

export const footerFields = {
  /** Plain text, shown as written (never as HTML). */
  text: z.string().max(500, { error: 'must be at most 500 characters' }),
  links: z.array(z.unknown(), { error: 'write a list of links, each with label and url' }),
};

/** The keys for configFields (src/content/config.ts); their entries are checked by parseBranding. */
export const brandingConfigFields = {
  branding: z.unknown(),
  navigation: z.array(z.unknown(), { error: 'write a list of links, each with label and url, e.g. [{label: About, url: /about/}]' }),
  footer: z.unknown(),
};

export interface Branding {
  logo?: string;
  favicon?: string;
  /** The accent in each scheme, `#rrggbb`; absent: the stylesheet's own colours. */
  accent?: { light: string; dark: string };
  /** The generated stylesheet that sets the accent (a fingerprinted file the layout links). */
  stylesheet?: BrandStylesheet;
}

export interface Footer {
  text: string;
  links: Link[];
}

export interface BrandingConfig {
  branding: Branding;
  /** Links added to the navigation after the built-in ones. */
  navigation: Link[];
  footer: Footer;
}

/** Checks the written values of the three keys (already known to be a list where one is expected). */
export function parseBranding(
  source: YamlSource,
  written: { branding?: unknown; navigation?: unknown[]; footer?: unknown },
  /** Whether the site has a static file at this URL; when given, a logo or favicon it lacks is a problem. */
  hasFile?: (url: string) => boolean,
): BrandingConfig & { problems: Problem[] } {
  const problems: Problem[] = [];
  const branding: Branding = {};
  if (written.branding !== undefined) {
    const { values, problems: found } = validateFields(source, written.branding, brandingFields, [], ['branding'], CONFIG_CHANGES);
    problems.push(...found);
    if (values.logo !== undefined) branding.logo = values.logo;
    if (values.favicon !== undefined) branding.favicon = values.favicon;
    for (const key of ['logo', 'favicon'] as const) {
      const url = values[key];
      if (url === undefined || !hasFile || hasFile(url)) continue;
      problems.push({ file: source.file, line: lineOf(source, ['branding', key]), message: `\`branding.${key}\`: no file ${url} in the site: put it in public/ (public${url}) or correct the path` });
    }
    const writtenAccent = (written.branding as Record<string, unknown> | null)?.accent;
    // `accent: #0b5cad` unquoted is YAML for an empty value and a comment: say so rather than ignore it.
    for (const key of ['accent', 'accent_dark'] as const) {
      const raw = written.branding as Record<string, unknown> | null;
      if (raw && key in raw && raw[key] === null) {
        problems.push({ file: source.file, line: lineOf(source, ['branding', key], 'key'), message: `\`branding.${key}\` is empty: in YAML a # starts a comment, so put the colour in quotes, e.g. ${key}: "#0b5cad"` });
      }
    }
    if (values.accent_dark !== undefined && writtenAccent == null) {
      problems.push({ file: source.file, line: lineOf(source, ['branding', 'accent_dark'], 'key'), message: '`branding.accent_dark` needs `branding.accent` too: the dark colour only replaces the light one in the dark scheme' });
    } else if (values.accent !== undefined) {
      const light = normalHex(values.accent);
      const dark = values.accent_dark === undefined ? darkAccentFor(light) : normalHex(values.accent_dark);
      const lightProblem = accentProblem('accent', light, 'light');
      if (lightProblem) problems.push({ file: source.file, line: lineOf(source, ['branding', 'accent']), message: lightProblem });
      const darkProblem = values.accent_dark === undefined ? undefined : accentProblem('accent_dark', dark, 'dark');
      if (darkProblem) problems.push({ file: source.file, line: lineOf(source, ['branding', 'accent_dark']), message: darkProblem });
      branding.accent = { light, dark };
      branding.stylesheet = brandStylesheet(branding.accent);
    }
  }
  const navigation = parseLinks(source, written.navigation ?? [], ['navigation'], problems);
  const footer: Footer = { text: '', links: [] };
  if (written.footer !== undefined) {
    const { values, problems: found } = validateFields(source, written.footer, footerFields, [], ['footer'], CONFIG_CHANGES);
    problems.push(...found);
    footer.text = values.text ?? '';
    footer.links = parseLinks(source, values.links ?? [], ['footer', 'links'], problems);
  }
  return { branding, navigation, footer, problems };
}

function parseLinks(source: YamlSource, written: readonly unknown[], path: KeyPath, problems: Problem[]): Link[] {
  const links: Link[] = [];
  written.forEach((raw, index) => {
    const { values, problems: found } = validateFields(source, raw, linkFields, REQUIRED_LINK_KEYS, [...path, index], CONFIG_CHANGES);
    problems.push(...found);
    if (values.label !== undefined && values.url !== undefined) links.push({ label: values.label, url: values.url });
  });
  return links;
}
