// Loads the wasm core once per page (or node process) and installs ICU's data into it.
// Internal to the site's public modules (moderation.mjs, overlay.mjs, i18n.mjs): nothing
// else imports the Emscripten output.
import createEtalaseCore from './etalase-core.mjs';

const isNode = typeof window === 'undefined' && typeof process === 'object' && !!process.versions?.node;
let corePromise = null;

/** An error whose `code` a page can map to its catalog ("core.data", "core.wasm"). */
export class CoreError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
  }
}

/**
 * Bytes of a file that ships beside this module: fetched in a browser, read from disk under
 * node. Rejects with a CoreError naming the file.
 */
export async function readSiteFile(name) {
  const url = new URL(name, import.meta.url);
  if (isNode) {
    const { readFile } = await import('node:fs/promises');
    try {
      return new Uint8Array(await readFile(url));
    } catch (e) {
      throw new CoreError('core.data', `${name} could not be read (${e.code || e.message})`);
    }
  }
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new CoreError('core.data', `${name} could not be fetched (${e.message})`);
  }
  if (!res.ok) throw new CoreError('core.data', `${name} could not be fetched (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

// Start-up steps in the performance timeline (the viewer benchmark reads them).
const mark = (name) => globalThis.performance?.mark?.(name);

async function init() {
  // The ICU data and the wasm download in parallel; the data is installed before any use.
  const dataPromise = readSiteFile('icudt72l.dat');
  const options = {};
  if (isNode) options.wasmBinary = await readSiteFile('etalase-core.wasm');
  let core;
  try {
    core = await createEtalaseCore(options);
  } catch (e) {
    throw new CoreError('core.wasm', `the WebAssembly core could not start (${e.message || e})`);
  }
  mark('etalase:core-compiled');
  const problem = core.installIcuData(await dataPromise);
  if (problem) throw new CoreError('core.data', `icudt72l.dat: ${problem}`);
  mark('etalase:core-ready');
  return core;
}

/** The shared core instance (a promise; rejected with a CoreError when it cannot start). */
export function loadCore() {
  corePromise ??= init();
  return corePromise;
}

// In a page the core starts as soon as this module runs, before the modules importing it
// are evaluated: its download, compile and ICU set-up are the longest road to the first
// frame. (Failures surface where loadCore() is awaited.)
if (!isNode) loadCore().catch(() => {});
