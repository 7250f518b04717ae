/* Generated from schemas/modules/list-templates.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The templates found, at most the limit asked for. Map $.templates[].sid as a template and $.templates[].translations to see which languages are approved.
 */
export interface ListTemplatesOutput {
  /**
   * Each template, as Twilio returns it.
   */
  templates: MessageTemplate[];
}
/**
 * A message template (the official spec's verify.v2.verification_template): its SID to give as a template when starting a verification or as a service's default, the channels it works on and its text per language with each translation's approval status.
 */
export interface MessageTemplate {
  /**
   * The template's id (HJ…): give it as "Message template" to Start a verification or as a service's default template.
   */
  sid?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The template's name, for example "Base Verification Template 2 with do not share".
   */
  friendly_name?: string | null;
  /**
   * The channels the template works on: sms, voice.
   */
  channels?: string[] | null;
  /**
   * The text per language, keyed by locale (en, es, pt-BR …): each { is_default_translation, status, locale, text, date_created, date_updated }. Only a translation whose status is approved can be sent (else Twilio error 60201).
   */
  translations?: {} | null;
}
