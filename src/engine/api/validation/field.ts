/**
 * apimachinery's `field.Error` in miniature: one cause of an Invalid
 * Status, rendered the way `ErrorBody()` renders it.
 */

/** The cause types Packetwalk produces (`field.ErrorType`). */
export type FieldErrorType = "Required" | "Invalid" | "Duplicate" | "Forbidden" | "NotSupported";

/** A value as the Go validation code would hold it; `goType` picks its Go rendering. */
export interface GoValue {
  /** The value itself (plain data). */
  value: unknown;
  /**
   * Go syntax for structs and slices before 1.34 (`[]string{"10.96.0.6"}`);
   * when absent the value is a scalar and renders the same in every version.
   */
  goSyntax?: string;
}

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The bad value (Invalid, Duplicate, NotSupported). */
  bad?: GoValue;
  detail?: string;
  /** NotSupported: the allowed values, already sorted. */
  supported?: string[];
}

export const required = (field: string, detail?: string): FieldError => ({
  type: "Required",
  field,
  ...(detail ? { detail } : {}),
});

export const invalid = (field: string, value: unknown, detail: string, goSyntax?: string): FieldError => ({
  type: "Invalid",
  field,
  bad: goSyntax === undefined ? { value } : { value, goSyntax },
  detail,
});

export const duplicate = (field: string, value: unknown, goSyntax?: string): FieldError => ({
  type: "Duplicate",
  field,
  bad: goSyntax === undefined ? { value } : { value, goSyntax },
});

export const forbidden = (field: string, detail: string): FieldError => ({
  type: "Forbidden",
  field,
  detail,
});

export const notSupported = (field: string, value: unknown, supported: string[]): FieldError => ({
  type: "NotSupported",
  field,
  bad: { value },
  supported,
});

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: "Required value",
  Invalid: "Invalid value",
  Duplicate: "Duplicate value",
  Forbidden: "Forbidden",
  NotSupported: "Unsupported value",
};

/**
 * Renders a bad value: ints and bools bare, strings quoted; structs and
 * slices as JSON since 1.34 ("nicer value rendering"), Go syntax before.
 */
export function renderValue(bad: GoValue, jsonValues: boolean): string {
  const v = bad.value;
  if (v === null || v === undefined) return "null";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (!jsonValues && bad.goSyntax !== undefined) return bad.goSyntax;
  return JSON.stringify(v);
}

/** `ErrorBody()`: the cause without its field path. */
export function errorBody(e: FieldError, jsonValues: boolean): string {
  let s = TYPE_TEXT[e.type];
  if (e.bad && (e.type === "Invalid" || e.type === "Duplicate" || e.type === "NotSupported")) {
    s += `: ${renderValue(e.bad, jsonValues)}`;
  }
  if (e.type === "NotSupported" && e.supported) {
    s += `: supported values: ${e.supported.map((x) => JSON.stringify(x)).join(", ")}`;
  } else if (e.detail) {
    s += `: ${e.detail}`;
  }
  return s;
}

/** `field.Error.Error()`: `<field>: <body>`. */
export function fieldErrorText(e: FieldError, jsonValues: boolean): string {
  return `${e.field}: ${errorBody(e, jsonValues)}`;
}

/**
 * What kubectl prints for an Invalid Status (`kubectl/pkg/cmd/util/helpers.go`):
 * one cause on the same line, several as `* ` lines after a trailing space.
 */
export function invalidMessage(kind: string, name: string, errs: FieldError[], jsonValues: boolean): string {
  const head = `The ${kind} "${name}" is invalid: `;
  if (errs.length === 1) return head + fieldErrorText(errs[0]!, jsonValues);
  return [head, ...errs.map((e) => `* ${fieldErrorText(e, jsonValues)}`)].join("\n");
}
