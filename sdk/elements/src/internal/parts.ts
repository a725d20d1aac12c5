/**
 * `part` names of controls with their state, so a page's stylesheet can reach a field in error
 * (`::part(input-invalid)`) and a button whose action runs (`::part(button-busy)`).
 */

/** `input` (plus `extra`), and `input-invalid` while the field is in error. */
export function inputPart(invalid: boolean, ...extra: string[]): string {
  return ['input', ...extra, ...(invalid ? ['input-invalid'] : [])].join(' ');
}

/** `button` (plus `extra`), and `button-busy` while the button's action runs. */
export function buttonPart(busy: boolean, ...extra: string[]): string {
  return ['button', ...extra, ...(busy ? ['button-busy'] : [])].join(' ');
}
