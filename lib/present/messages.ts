/**
 * The sentences of the warnings and unavailable reasons, for the pages and the CLI: written once, per code, in
 * lib/messages/english.ts (below the engine, which stores them in the result). docs/messages.md lists the codes.
 */
export { MESSAGE_RENDERERS, renderMessage, serviceRefText } from "../messages/english";
