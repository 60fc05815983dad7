/**
 * A catalogue entry: a template, or one template per plural category (CLDR's names, as
 * `Intl.PluralRules` returns them). `other` is required: every language has it.
 */
export type Message = string | PluralMessage;

export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
