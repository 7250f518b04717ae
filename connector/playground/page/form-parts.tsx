/**
 * What the form library needs from us: the object template that folds `x-advanced` fields away, the dropdown widget
 * for `x-options-from` fields, and the validator (the library's own, AJV 8). Everything else is @rjsf/core's.
 */
import { canExpand, descriptionId, getTemplate, getUiOptions, titleId, buttonId, type ObjectFieldTemplateProps, type WidgetProps } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { useEffect, useState } from 'react';
import { api } from './api';
import type { OptionsAnswer } from './types';

/** The library's validator, lenient about the connector's own keywords (the server validates with the real ones). */
export const validator = customizeValidator({ ajvOptionsOverrides: { strict: false, validateFormats: false } });

export interface FormContext {
  /** The whole form's values, for dropdowns whose source module takes a sibling field. */
  values: Record<string, unknown>;
}

export function FoldingObjectTemplate(props: ObjectFieldTemplateProps) {
  const { className, description, disabled, formData, fieldPathId, onAddProperty, optionalDataControl, properties, readonly, registry, required, schema, title, uiSchema } = props;
  const options = getUiOptions(uiSchema);
  const TitleFieldTemplate = getTemplate('TitleFieldTemplate', registry, options);
  const DescriptionFieldTemplate = getTemplate('DescriptionFieldTemplate', registry, options);
  const { AddButton } = registry.templates.ButtonTemplates;
  const fields = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const basic = properties.filter((p) => fields[p.name]?.['x-advanced'] !== true);
  const advanced = properties.filter((p) => fields[p.name]?.['x-advanced'] === true);
  const showControl = !readonly && !disabled;
  return (
    <fieldset className={className} id={fieldPathId.$id}>
      {title && <TitleFieldTemplate id={titleId(fieldPathId)} title={title} required={required} schema={schema} uiSchema={uiSchema} registry={registry} optionalDataControl={showControl ? optionalDataControl : undefined} />}
      {description && <DescriptionFieldTemplate id={descriptionId(fieldPathId)} description={description} schema={schema} uiSchema={uiSchema} registry={registry} />}
      {!showControl ? optionalDataControl : undefined}
      {basic.map((p) => p.content)}
      {advanced.length > 0 && (
        <details className="advanced" data-advanced-for={fieldPathId.$id}>
          <summary>Advanced settings ({advanced.length})</summary>
          {advanced.map((p) => p.content)}
        </details>
      )}
      {canExpand(schema, uiSchema, formData) && (
        <AddButton id={buttonId(fieldPathId, 'add')} className="rjsf-object-property-expand" onClick={onAddProperty} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} />
      )}
    </fieldset>
  );
}

interface OptionsFrom {
  module: string;
  value: string;
  label?: string;
  input?: Record<string, string>;
}

type Option = OptionsAnswer['options'][number];

/** A dropdown filled by running the field's source module; a typed value is still accepted, as hosts do. */
export function OptionsFromWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, schema, registry } = props;
  const source = schema['x-options-from'] as OptionsFrom;
  const values = (registry.formContext as FormContext | undefined)?.values ?? {};
  const input: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const [param, field] of Object.entries(source.input ?? {})) {
    if (values[field] !== undefined && values[field] !== '') input[param] = values[field];
    else missing.push(String((registry.rootSchema.properties?.[field] as { title?: string } | undefined)?.title ?? field));
  }
  const inputKey = JSON.stringify(input);
  const [options, setOptions] = useState<Option[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [typing, setTyping] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setProblem(null);
    // The source module needs a sibling field first (the service whose rate limits to list): nothing to ask yet.
    if (missing.length > 0) {
      setOptions([]);
      return;
    }
    api<OptionsAnswer>('/api/options', { module: source.module, input, value: source.value, label: source.label })
      .then((answer) => {
        if (!live) return;
        setOptions(answer.options);
        if (answer.error) setProblem(answer.error.message);
      })
      .catch((error: Error) => live && setProblem(error.message));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.module, inputKey, round]);

  const known = options?.some((o) => o.value === value) ?? false;
  const showText = typing || (value !== undefined && value !== '' && !known && options !== null);
  return (
    <div className="options-from">
      {!showText && (
        <select
          id={id}
          value={known ? String(value) : ''}
          required={required}
          disabled={disabled || readonly}
          onChange={(e) => (e.target.value === '\u0000type' ? setTyping(true) : onChange(e.target.value === '' ? undefined : e.target.value))}
        >
          <option value="">
            {missing.length > 0 ? `Fill ${missing.join(', ')} first` : options === null ? 'Loading…' : options.length === 0 ? `None found by "${source.module}"` : `Choose (from ${source.module})`}
          </option>
          {options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label === o.value ? o.value : `${o.label} — ${o.value}`}
            </option>
          ))}
          <option value={'\u0000type'}>Type a value…</option>
        </select>
      )}
      {showText && (
        <input id={id} className="form-control" type="text" value={value ?? ''} required={required} disabled={disabled || readonly} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
      )}
      <button type="button" className="link" onClick={() => (showText ? (setTyping(false), onChange(undefined)) : setRound(round + 1))}>
        {showText ? 'choose from the list' : 'refresh'}
      </button>
      {problem && <span className="options-problem">{problem}</span>}
    </div>
  );
}
