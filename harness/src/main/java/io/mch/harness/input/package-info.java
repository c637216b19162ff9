/**
 * Reading input files with located problems: {@link io.mch.harness.input.Cursor} over a YAML node,
 * {@link io.mch.harness.input.Fields} of a mapping, the {@link io.mch.harness.input.Problems} they
 * record ({@code file:line:column: field.path: message}) and the quantity notations. It sits below
 * {@code config} and the fault types so both read YAML the same way without depending on each
 * other: {@code config} binds scenario and topology files and asks the fault types to bind their
 * own items.
 */
package io.mch.harness.input;
