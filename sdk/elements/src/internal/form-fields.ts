import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { inputPart } from './parts.js';

/** One labelled control: its text, state and what to call when the person types or leaves it. */
export interface FieldView {
  id: string;
  label: unknown;
  value: string;
  required: boolean;
  /** The word shown after the label of an optional field. */
  optionalText: string;
  hint?: string | undefined;
  error?: string | undefined;
  onInput: (value: string) => void;
  onBlur: () => void;
}

export interface TextFieldView extends FieldView {
  type?: 'text' | 'email' | 'tel';
  inputmode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel';
  autocomplete?: AutoFill | undefined;
  /** Marks the control as money, for the `amount` part. */
  amount?: boolean;
}

export interface SelectFieldView extends FieldView {
  options: ReadonlyArray<{ value: string; label: string }>;
  /** A first, empty option ("Choose a country"). */
  placeholder?: string;
  autocomplete?: AutoFill;
}

/**
 * Calls `onBlur` when the person leaves the control, but not when it loses focus because
 * a render is removing it (a step or form going away), which would update mid-render.
 */
function leave(view: FieldView) {
  return (event: Event) => {
    const control = event.target as Element;
    queueMicrotask(() => {
      if (control.isConnected) view.onBlur();
    });
  };
}

/** The ids the control is described by: its hint, then its error. */
function describedBy(view: FieldView): string | undefined {
  const ids = [view.hint ? `${view.id}-hint` : '', view.error ? `${view.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function label(view: FieldView): TemplateResult {
  return html`<label part="label" for=${view.id}
    >${view.label}${view.required ? nothing : html` <span class="optional">(${view.optionalText})</span>`}</label
  >`;
}

function hintAndError(view: FieldView): TemplateResult {
  return html`${view.hint ? html`<p class="hint" id="${view.id}-hint">${view.hint}</p>` : nothing}
  ${view.error ? html`<p part="error" class="error" id="${view.id}-error">${view.error}</p>` : nothing}`;
}

export function textField(view: TextFieldView): TemplateResult {
  return html`<div part="field" class="field">
    ${label(view)}
    <input
      part=${view.amount ? inputPart(!!view.error, 'amount') : inputPart(!!view.error)}
      id=${view.id}
      name=${view.id}
      type=${view.type ?? 'text'}
      inputmode=${ifDefined(view.inputmode)}
      autocomplete=${ifDefined(view.autocomplete)}
      .value=${live(view.value)}
      ?required=${view.required}
      aria-invalid=${view.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(view))}
      @input=${(event: Event) => view.onInput((event.target as HTMLInputElement).value)}
      @blur=${leave(view)}
    />
    ${hintAndError(view)}
  </div>`;
}

export function selectField(view: SelectFieldView): TemplateResult {
  return html`<div part="field" class="field">
    ${label(view)}
    <select
      part=${inputPart(!!view.error)}
      id=${view.id}
      name=${view.id}
      autocomplete=${ifDefined(view.autocomplete)}
      ?required=${view.required}
      aria-invalid=${view.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(view))}
      @change=${(event: Event) => view.onInput((event.target as HTMLSelectElement).value)}
      @blur=${leave(view)}
    >
      ${view.placeholder !== undefined ? html`<option value="" ?selected=${view.value === ''}>${view.placeholder}</option>` : nothing}
      ${view.options.map((option) => html`<option value=${option.value} ?selected=${option.value === view.value}>${option.label}</option>`)}
    </select>
    ${hintAndError(view)}
  </div>`;
}

/** A checkbox: value 'on' when ticked, '' when not. */
export function checkboxField(view: FieldView): TemplateResult {
  return html`<div part="field" class="field checkbox">
    <input
      part=${inputPart(!!view.error)}
      id=${view.id}
      name=${view.id}
      type="checkbox"
      .checked=${live(view.value === 'on')}
      ?required=${view.required}
      aria-invalid=${view.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(view))}
      @change=${(event: Event) => view.onInput((event.target as HTMLInputElement).checked ? 'on' : '')}
    />
    ${label(view)} ${hintAndError(view)}
  </div>`;
}

/** Moves focus to the first control of `root` marked invalid; true when there was one. */
export function focusFirstInvalid(root: ParentNode): boolean {
  const control = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  control?.focus();
  return control !== null;
}
