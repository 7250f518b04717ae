/**
 * Message templates as fixtures (Twilio's templates are made by Twilio, not through the API): two of Twilio's
 * pre-approved templates and one custom template whose French translation awaits approval, so a start with it in
 * French is refused with 60201 as Twilio does. A start with a TemplateSid the account has not got is 60228. The chosen
 * translation (the start's Locale, else the template's default) is the text delivered to the outbox.
 */
import { isoSeconds } from './clock.js';
import { TwilioError } from './errors.js';

export interface TranslationFixture {
  locale: string;
  text: string;
  status: 'approved' | 'pending' | 'rejected';
  isDefault: boolean;
}

export interface TemplateFixture {
  sid: string;
  friendlyName: string;
  channels: string[];
  translations: TranslationFixture[];
}

const CREATED = Date.UTC(2021, 6, 29, 20, 38, 28);

export const TEMPLATE_FIXTURES: readonly TemplateFixture[] = [
  {
    sid: 'HJ0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    friendlyName: 'Base Verification Template 2 with do not share',
    channels: ['sms'],
    translations: [
      { locale: 'en', text: 'Your {{friendly_name}} verification code is: {{code}}. Do not share this code with anyone.', status: 'approved', isDefault: true },
      { locale: 'es', text: 'Tu código de verificación de {{friendly_name}} es: {{code}}. No compartas este código con nadie.', status: 'approved', isDefault: false },
    ],
  },
  {
    sid: 'HJ1b2c3d4e5f60718293a4b5c6d7e8f90a',
    friendlyName: 'Base Verification Template 3',
    channels: ['sms', 'voice'],
    translations: [{ locale: 'en', text: 'Your verification code is: {{code}}. Do not share it.', status: 'approved', isDefault: true }],
  },
  {
    sid: 'HJ2c3d4e5f60718293a4b5c6d7e8f90a1b',
    friendlyName: 'Acme custom sign-in',
    channels: ['sms'],
    translations: [
      { locale: 'en', text: '{{code}} is your Acme sign-in code.', status: 'approved', isDefault: true },
      { locale: 'fr', text: '{{code}} est votre code de connexion Acme.', status: 'pending', isDefault: false },
    ],
  },
];

export class TemplateStore {
  private readonly bySid = new Map(TEMPLATE_FIXTURES.map((t) => [t.sid, t]));

  constructor(private readonly accountSid: string) {}

  list(friendlyName: string | undefined): TemplateFixture[] {
    return TEMPLATE_FIXTURES.filter((t) => friendlyName === undefined || t.friendlyName === friendlyName);
  }

  has(sid: string): boolean {
    return this.bySid.has(sid);
  }

  /**
   * The text a start sends with this template: the translation for `locale` (else the default one), which must be
   * approved (60201). An unknown template is 60228.
   */
  textFor(sid: string, locale: string | undefined): string {
    const template = this.bySid.get(sid);
    if (!template) throw new TwilioError(60228, `Template ${sid} was not found`);
    const translation = template.translations.find((t) => t.locale === locale) ?? template.translations.find((t) => t.isDefault)!;
    if (translation.status !== 'approved') {
      throw new TwilioError(60201, `Selected template translation is not approved (${template.friendlyName}, ${translation.locale}: ${translation.status})`);
    }
    return translation.text;
  }

  resource(t: TemplateFixture): Record<string, unknown> {
    return {
      sid: t.sid,
      account_sid: this.accountSid,
      friendly_name: t.friendlyName,
      channels: [...t.channels],
      translations: Object.fromEntries(
        t.translations.map((tr) => [
          tr.locale,
          { is_default_translation: tr.isDefault, status: tr.status, locale: tr.locale, text: tr.text, date_updated: isoSeconds(CREATED), date_created: isoSeconds(CREATED) },
        ]),
      ),
    };
  }
}

/** A template's text with its placeholders filled, as the message a person receives. */
export function renderTemplate(text: string, values: { code: string; friendlyName: string }): string {
  return text.split('{{code}}').join(values.code).split('{{friendly_name}}').join(values.friendlyName);
}
