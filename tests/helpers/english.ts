/** The English locale, for tests that check the words pages show (src/i18n/). */
import { createLocale } from '../../src/i18n/locale.ts';

export const EN = createLocale({ language: 'en' });
