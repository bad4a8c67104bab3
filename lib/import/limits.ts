/**
 * Limits of the Kubernetes manifest import, with no imports of their own so a page can check a file's size
 * before it loads the YAML parser (docs/kubernetes-import.md#safety).
 */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_DOCUMENTS = 200;
export const MAX_NESTING = 100;
export const MAX_ALIAS_COUNT = 50;
