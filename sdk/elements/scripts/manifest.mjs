// Reads dist/custom-elements.json (written by `cem analyze --litelement`) into the plain shape
// the generators need: one entry per registered element, with its attributes, events, CSS
// parts, CSS properties and public properties. Shared by generate-typings.mjs and
// generate-reference.mjs, so the typings and the docs cannot disagree.
import { readFileSync } from 'node:fs';

export const manifestPath = new URL('../dist/custom-elements.json', import.meta.url);

/** `'a' | 'b' | undefined` → `'a' | 'b'`; types naming anything but literals and primitives → `string`. */
export function attributeType(text = 'string') {
  const parts = text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined' && part !== 'null');
  const simple = parts.every((part) => /^(string|number|boolean|'[^']*'|"[^"]*"|-?\d+(\.\d+)?)$/.test(part));
  if (!simple) throw new Error(`attribute type "${text}" is not a literal union: add a JSDoc @type to the property`);
  return parts.map((part) => part.replace(/^"(.*)"$/, "'$1'")).join(' | ') || 'string';
}

/** The literal values of an attribute type, for editors' completion lists (none for `string`). */
export function attributeValues(type) {
  return type
    .split(' | ')
    .filter((part) => part.startsWith("'"))
    .map((part) => part.slice(1, -1));
}

/** `cc-ready` → `oncc-ready` (React 19 and Svelte 5 listen to custom events by this prop). */
export const eventProp = (name) => `on${name}`;

/** `cc-ready` → `onCcReady` (the prop Vue compiles `@cc-ready` to). */
export const vueEventProp = (name) =>
  `on${name
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('')}`;

/** Every element of the manifest that has a tag name, sorted by tag. */
export function readElements(path = manifestPath) {
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      elements.push({ ...toElement(declaration), modulePath: module.path });
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

function toElement(declaration) {
  const attributes = (declaration.attributes ?? []).map((attribute) => {
    const type = attributeType(attribute.type?.text);
    return {
      name: attribute.name,
      field: attribute.fieldName,
      type,
      values: attributeValues(type),
      description: attribute.description ?? '',
      default: attribute.default,
    };
  });
  const events = uniqueBy(
    // The analyzer also lists `dispatchEvent(new X())` calls it cannot name; the @fires tags carry the names.
    (declaration.events ?? []).filter((event) => event.name?.startsWith('cc-')),
    (event) => event.name,
  ).map((event) => {
    if (!event.type?.text) throw new Error(`${declaration.tagName}: @fires ${event.name} has no {EventClass}`);
    return { name: event.name, type: event.type.text, description: event.description ?? '' };
  });
  const attributeFields = new Set(attributes.map((attribute) => attribute.field));
  const properties = (declaration.members ?? [])
    .filter((member) => member.kind === 'field' && !member.static && !member.privacy && !member.name.startsWith('#'))
    .filter((member) => member.description && !member.readonly)
    .map((member) => ({
      name: member.name,
      attribute: attributeFields.has(member.name) ? attributes.find((a) => a.field === member.name).name : undefined,
      type: member.type?.text ?? 'unknown',
      description: member.description,
    }));
  return {
    tagName: declaration.tagName,
    className: declaration.name,
    summary: declaration.summary ?? '',
    description: declaration.description ?? '',
    attributes,
    events,
    slots: declaration.slots ?? [],
    cssParts: declaration.cssParts ?? [],
    cssProperties: declaration.cssProperties ?? [],
    properties,
  };
}

function uniqueBy(items, key) {
  const seen = new Set();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)));
}

/** One line of JSDoc-safe text. */
export const oneLine = (text) => text.replace(/\s+/g, ' ').replace(/\*\//g, '*\\/').trim();
