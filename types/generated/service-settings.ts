/* Generated from schemas/service-settings.schema.json by scripts/generate-types.ts. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * The rules of a Verify service's settings (Twilio's CreateService and UpdateService forms), shared by create-service and update-service. Each module's input property $refs its rule here and carries its own label, help text and x-wire name beside it, because the runtime reads x-wire from the input schema's own properties (connector/runtime/wire-plan.ts).
 */
export interface VerifyServiceSettings {
  [k: string]: unknown | undefined;
}
