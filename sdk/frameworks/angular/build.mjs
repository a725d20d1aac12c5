// esbuild plugin running Angular's linker on the framework's own files. @angular/core, common and
// platform-browser ship partially compiled (`ɵɵngDeclare*` calls); the linker turns them into
// final code at build time, as `ng build` does. The alternative, importing '@angular/compiler'
// first so they compile just-in-time in the page, puts the whole template compiler in the bundle
// and compiles in the browser; the linker needs only the babel that @angular/compiler-cli already
// depends on (taken from there, not a new dependency) and keeps the page as a merchant ships it.
// Measured in one run: see docs/frameworks/angular.md.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { needsLinking } from '@angular/compiler-cli/linker';
import linkerPlugin from '@angular/compiler-cli/linker/babel';

const { transformAsync } = createRequire(import.meta.resolve('@angular/compiler-cli'))('@babel/core');

export const angularLinkerPlugin = {
  name: 'angular-linker',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]@angular[\\/].*\.m?js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!needsLinking(path, source)) return undefined;
      const result = await transformAsync(source, {
        filename: path,
        babelrc: false,
        configFile: false,
        compact: false,
        sourceMaps: false,
        plugins: [linkerPlugin],
      });
      return { contents: result.code, loader: 'js' };
    });
  },
};
