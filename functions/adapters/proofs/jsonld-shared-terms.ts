/**
 * jsonld.js deep-copies the whole active context every time it clones one
 * (`_cloneActiveContext` → `util.clone` of every term definition, scoped contexts included),
 * and it clones on every node under a type-scoped context, which every node of an Open Badges
 * 3.0 credential is. That copy was two thirds of canonicalizing a credential and most of the
 * garbage a bulk job made (jsonld.js issue #414, open since 2020; no release changes it).
 *
 * jsonld.js never changes a term definition once it is in a context's map: defining a term
 * builds a new object and `set`s it, removing one `delete`s it, both on the map of the context
 * being built (always a fresh clone). So a clone may share the definitions and copy only the
 * map, and the flat `protected` table, which processing does write. Everything else is copied
 * as jsonld.js copies it. The canonical N-Quads are byte for byte those of jsonld.js
 * (test/e2e/canonicalization.test.ts compares them with an untouched jsonld.js). A processing
 * mode not listed below keeps jsonld.js's own deep copy: slower, the same N-Quads.
 *
 * jsonld.js offers no option for this, and every active context descends from the initial
 * context it caches per processing mode (`getInitialContext` returns the cached object; each
 * clone inherits `clone`), so the method is replaced there, once per process.
 */

interface ActiveContext {
  mappings: Map<string, unknown>;
  protected: Record<string, boolean>;
  previousContext?: ActiveContext;
  inverse: unknown;
  clone: (this: ActiveContext) => ActiveContext;
  getInverse: unknown;
  revertToPreviousContext: unknown;
  '@base'?: unknown;
  '@language'?: unknown;
  '@vocab'?: unknown;
}

/** What is used of `jsonld/lib/context.js`. */
export interface JsonLdContextModule {
  getInitialContext(options: { processingMode?: string }): ActiveContext;
}

/** The processing modes whose initial contexts jsonld.js can be asked for. */
const processingModes = [undefined, 'json-ld-1.1', 'json-ld-1.0'] as const;

function cloneSharingTerms(this: ActiveContext): ActiveContext {
  const child: ActiveContext = {
    mappings: new Map(this.mappings),
    clone: this.clone,
    inverse: null,
    getInverse: this.getInverse,
    protected: { ...this.protected },
    revertToPreviousContext: this.revertToPreviousContext,
  };
  if (this.previousContext) child.previousContext = this.previousContext.clone();
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  return child;
}

/**
 * Makes the clones of jsonld.js's active contexts share term definitions; idempotent. `context`
 * is jsonld.js's own `lib/context.js` (imported, so that a bundle holds the one module `jsonld`
 * itself requires).
 */
export function shareTermDefinitions(context: JsonLdContextModule): void {
  for (const processingMode of processingModes)
    context.getInitialContext({ processingMode }).clone = cloneSharingTerms;
}

/** Whether jsonld.js's contexts clone with {@link cloneSharingTerms} (for tests). */
export function sharesTermDefinitions(context: JsonLdContextModule): boolean {
  return processingModes.every(
    (processingMode) => context.getInitialContext({ processingMode }).clone === cloneSharingTerms,
  );
}
