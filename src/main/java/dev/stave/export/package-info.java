/**
 * Exports of the whole store into the formats Stave imports, so an operator can leave with their
 * data, or move it between stores, and import it back unchanged.
 */
package dev.stave.export;
