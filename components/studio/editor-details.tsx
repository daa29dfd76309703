"use client";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import type { EditorFields } from "@/lib/articles/editor-snapshot";
import { Checkbox, TextArea } from "./editor-inputs";

type Props = {
  fields: EditorFields;
  errors: Record<string, string>;
  update<K extends keyof EditorFields>(key: K, value: EditorFields[K]): void;
  published: boolean;
};

const splitNames = (text: string) =>
  text
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
// The first error of a list field (the server names them "categories.2").
const listError = (errors: Record<string, string>, key: string) =>
  errors[key] ?? Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];

/** Comma-separated names, kept as typed while editing and parsed into a list for saving. */
function NamesField({
  label,
  names,
  onChange,
  error,
  hint,
}: {
  label: string;
  names: string[];
  onChange(names: string[]): void;
  error?: string;
  hint: string;
}) {
  const [text, setText] = useState(names.join(", "));
  return (
    <Field
      label={label}
      value={text}
      hint={hint}
      error={error}
      autoComplete="off"
      onChange={(e) => {
        setText(e.target.value);
        onChange(splitNames(e.target.value));
      }}
    />
  );
}

// The article's details beside its text: address, byline, credit, excerpt, taxonomy, discussion.
export function EditorDetails({ fields, errors, update, published }: Props) {
  return (
    <fieldset className="space-y-1">
      <legend className="mb-3 text-base font-semibold">Details</legend>
      <Field
        label="Slug"
        value={fields.slug}
        error={errors.slug}
        autoComplete="off"
        spellCheck={false}
        hint={
          published
            ? "Changing it keeps the old address redirecting here."
            : "The address: /articles/<slug>. Follows the title until you edit it."
        }
        onChange={(e) => update("slug", e.target.value)}
      />
      <Field
        label="Author"
        value={fields.author}
        error={errors.author}
        onChange={(e) => update("author", e.target.value)}
      />
      <Field
        label="Affiliation"
        value={fields.affiliation}
        error={errors.affiliation}
        onChange={(e) => update("affiliation", e.target.value)}
      />
      <Field
        label="Credit line"
        value={fields.credit}
        error={errors.credit}
        hint="Shown after the article, e.g. “Edited by the Editorial Board”."
        onChange={(e) => update("credit", e.target.value)}
      />
      <TextArea
        label="Excerpt"
        value={fields.excerpt}
        error={errors.excerpt}
        rows={3}
        hint="For the home page and feeds; left empty, the first paragraph is used."
        onChange={(e) => update("excerpt", e.target.value)}
        className="pb-4"
      />
      <NamesField
        label="Categories"
        names={fields.categories}
        error={listError(errors, "categories")}
        hint="Comma-separated; new ones are created."
        onChange={(v) => update("categories", v)}
      />
      <NamesField
        label="Tags"
        names={fields.tags}
        error={listError(errors, "tags")}
        hint="Comma-separated; new ones are created."
        onChange={(v) => update("tags", v)}
      />
      <div className="space-y-3 pt-1">
        <Checkbox
          label="Comments open"
          checked={fields.commentsOpen}
          onChange={(v) => update("commentsOpen", v)}
          hint="Readers can post comments."
        />
        <Checkbox
          label="Annotations open"
          checked={fields.annotationsOpen}
          onChange={(v) => update("annotationsOpen", v)}
          hint="Readers can write notes in the margin."
        />
      </div>
    </fieldset>
  );
}
