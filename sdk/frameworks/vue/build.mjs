// esbuild plugin compiling .vue files with @vue/compiler-sfc (script setup, template inlined),
// with the cc-* tags left to the browser as custom elements.
import { readFile } from 'node:fs/promises';
import { compileScript, parse } from '@vue/compiler-sfc';

export const isCustomElement = (tag) => tag.startsWith('cc-');

export const vuePlugin = {
  name: 'vue',
  setup(build) {
    build.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
      const { descriptor, errors } = parse(await readFile(path, 'utf8'), { filename: path });
      if (errors.length) throw errors[0];
      const script = compileScript(descriptor, {
        id: path,
        inlineTemplate: true,
        templateOptions: { compilerOptions: { isCustomElement } },
      });
      return { contents: script.content, loader: 'ts' };
    });
  },
};
