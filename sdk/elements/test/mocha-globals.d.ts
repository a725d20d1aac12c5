// The Mocha globals the browser tests use; @web/test-runner-mocha provides them at run time.
/** `this.timeout(ms)` works in a body written as `function () {}`. */
type MochaBody = (this: { timeout(ms: number): void }) => void | Promise<unknown>;
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaBody): void;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
