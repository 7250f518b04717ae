/* Generated from schemas/modules/list-entities.output.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The entities of the service, at most the limit asked for. Map $.entities[].identity.
 */
export interface ListEntitiesOutput {
  /**
   * The entities found, each as Twilio returns it.
   */
  entities: Entity[];
}
/**
 * An entity as Twilio returns it (the spec's verify.v2.service.entity): one user of your app, known by your own identity, who owns authenticator-app (TOTP) and push factors. Map $.identity into the factor and challenge modules. Every field may be null; fields Twilio adds later are kept.
 */
export interface Entity {
  /**
   * The entity's id (YE…).
   */
  sid?: string | null;
  /**
   * Your id for the user (8 to 64 letters, digits and dashes, such as a UUID): give it to every factor and challenge module.
   */
  identity?: string | null;
  /**
   * The account (AC…).
   */
  account_sid?: string | null;
  /**
   * The Verify service the entity belongs to (VA…).
   */
  service_sid?: string | null;
  /**
   * When the entity was created (ISO 8601).
   */
  date_created?: string | null;
  /**
   * When it last changed (ISO 8601).
   */
  date_updated?: string | null;
  /**
   * The entity's API address.
   */
  url?: string | null;
  /**
   * API addresses of the entity's factors, challenges and access tokens.
   */
  links?: {} | null;
}
