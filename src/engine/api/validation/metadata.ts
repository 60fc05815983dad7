/**
 * `ValidateObjectMeta`'s label and annotation checks (apimachinery
 * `ValidateLabels`, `ValidateAnnotations`, `IsQualifiedName`), with upstream's messages.
 */
import type { FieldError } from "./field";
import { invalid } from "./field";
import { isDNS1123Subdomain, isValidLabelValue, maxLenError, regexError } from "./names";

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** `validation.IsQualifiedName`: `[prefix/]name`, the prefix a DNS subdomain. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (name.length > 0 && !QUALIFIED_NAME.test(name))
    errs.push(
      `name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")}`,
    );
  return errs;
}

/** `ValidateLabels`: each key a qualified name, each value a label value. Keys in sorted order (Go's map order varies). */
export function validateLabels(labels: Record<string, unknown> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const m of isQualifiedName(k)) errs.push(invalid(path, k, m));
    const v = labels?.[k];
    const value = typeof v === "string" ? v : String(v);
    for (const m of isValidLabelValue(value)) errs.push(invalid(path, value, m));
  }
  return errs;
}

/** `ValidateAnnotations`: each key a qualified name (checked in lower case). */
export function validateAnnotations(
  annotations: Record<string, unknown> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(annotations ?? {}).sort()) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
  }
  return errs;
}

/** The labels and annotations of an object's metadata. */
export function validateMetaMaps(
  meta: { labels?: Record<string, unknown>; annotations?: Record<string, unknown> },
  prefix = "metadata",
): FieldError[] {
  return [
    ...validateLabels(meta.labels, `${prefix}.labels`),
    ...validateAnnotations(meta.annotations, `${prefix}.annotations`),
  ];
}
