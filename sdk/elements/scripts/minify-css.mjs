/**
 * A rollup plugin for the browser bundle: collapses the whitespace and drops the comments of the
 * SDK's `css` tagged templates (the shared and element styles), before esbuild and terser see
 * them. It only touches text between the backticks of `css\`…\``: runs of whitespace become one
 * space, none is left around `{ } ; ,` or after a `:`, so `${…}` parts and selectors (whose
 * descendant spaces come before a `:`, never after) read the same. Measured on the credit page:
 * about 0.2 KB of Brotli.
 */
const CSS_TEMPLATE = /\bcss`([^`]*)`/g;

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .trim();
}

export const minifyCssTemplates = () => ({
  name: 'cc-minify-css-templates',
  transform(code, id) {
    if (!id.includes('/src/') || !id.endsWith('.ts') || !code.includes('css`')) return null;
    return { code: code.replace(CSS_TEMPLATE, (_, text) => `css\`${minifyCss(text)}\``), map: null };
  },
});
